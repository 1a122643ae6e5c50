package dev.magnetar.sim.hot;

import java.util.Map;
import java.util.Set;

/**
 * The resource types the simulator knows, and how a type named in a template resolves through
 * the files map and the environment's registry to one of them or to a nested template.
 */
public final class ResourceTypes {

    public static final String RESOURCE_GROUP = "OS::Heat::ResourceGroup";
    public static final String STACK = "OS::Heat::Stack";
    public static final String NONE = "OS::Heat::None";

    public static final Set<String> BUILTIN = Set.of(
            "OS::Nova::Server", "OS::Nova::ServerGroup",
            "OS::Neutron::Net", "OS::Neutron::Subnet", "OS::Neutron::Router", "OS::Neutron::RouterInterface",
            "OS::Neutron::Port", "OS::Neutron::FloatingIP", "OS::Neutron::FloatingIPAssociation",
            "OS::Neutron::SecurityGroup", "OS::Neutron::SecurityGroupRule",
            "OS::Cinder::Volume", "OS::Cinder::VolumeAttachment",
            "OS::Octavia::LoadBalancer", "OS::Octavia::Listener", "OS::Octavia::Pool", "OS::Octavia::PoolMember",
            "OS::Octavia::HealthMonitor",
            RESOURCE_GROUP, "OS::Heat::WaitCondition", "OS::Heat::WaitConditionHandle", "OS::Heat::SoftwareConfig",
            "OS::Heat::SoftwareDeployment", "OS::Heat::SoftwareDeploymentGroup", "OS::Heat::MultipartMime",
            "OS::Heat::CloudConfig", "OS::Heat::RandomString", "OS::Heat::Value", NONE, STACK);

    private ResourceTypes() {
    }

    /** Where a declared type leads. */
    public sealed interface Resolved {
        /** The type as the template wrote it, which is what resource listings show. */
        String declared();
    }

    /** A built-in type (after registry mapping, e.g. {@code OS::Nova::Server} mapped to {@code OS::Heat::None}). */
    public record Builtin(String declared, String type) implements Resolved {
    }

    /** A nested template taken from the files map. */
    public record Nested(String declared, String file) implements Resolved {
    }

    /** Resolves a declared type; {@link HotException} for an unknown type or a missing template file. */
    public static Resolved resolve(String declared, Map<String, String> files, HotEnvironment environment) {
        String type = declared;
        for (int hops = 0; hops < 10; hops++) {
            if (files.containsKey(type)) {
                return new Nested(declared, type);
            }
            String mapped = environment.mapping(type);
            if (mapped != null && !mapped.equals(type)) {
                type = mapped;
                continue;
            }
            if (BUILTIN.contains(type)) {
                return new Builtin(declared, type);
            }
            if (looksLikeFile(type)) {
                throw new HotException("Template file '" + type + "' for resource type '" + declared
                        + "' is not in the files map");
            }
            throw new HotException("Unknown resource type '" + type + "'"
                    + (type.equals(declared) ? "" : " (mapped from '" + declared + "')"));
        }
        throw new HotException("Resource type '" + declared + "' is mapped in a loop by the resource_registry");
    }

    private static boolean looksLikeFile(String type) {
        return type.endsWith(".yaml") || type.endsWith(".yml") || type.endsWith(".template") || type.contains("/");
    }
}
