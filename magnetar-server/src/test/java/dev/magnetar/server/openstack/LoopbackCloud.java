package dev.magnetar.server.openstack;

import com.fasterxml.jackson.databind.JsonNode;
import dev.magnetar.core.port.StackCredential;
import dev.magnetar.openstack.http.OpenStackHttp;
import dev.magnetar.openstack.http.RetryPolicy;
import dev.magnetar.openstack.http.ServiceResponse;
import dev.magnetar.openstack.it.LoopbackOpenStack;
import dev.magnetar.openstack.keystone.IssuedToken;
import dev.magnetar.openstack.keystone.KeystoneClient;
import dev.magnetar.server.config.Option;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the acceptance tests know about the real Keystone and Heat that {@link LoopbackOpenStack}
 * starts: how a server is configured against them, tokens of the test identities, and Heat and
 * Keystone seen from outside the server (stacks of a project, a cluster's Keystone user).
 */
final class LoopbackCloud {

    /** Derives the per-cluster users' passwords; the same for every server of a test, as on replicas. */
    static final String CLUSTER_CREDENTIAL_KEY = "magnetar-server-it-cluster-credential-key";

    /** The blueprint's DC/OS template, as its user types it. */
    static Map<String, Object> blueprintTemplate(String name) {
        Map<String, Object> template = new LinkedHashMap<>();
        template.put("name", name);
        template.put("coe", "dcos");
        template.put("image_id", "dcos-centos-7.2");
        template.put("keypair_id", "testkey");
        template.put("external_network_id", "1hsdhs88sddds889");
        template.put("labels", blueprintLabels());
        return template;
    }

    /** The blueprint template's labels. */
    static Map<String, String> blueprintLabels() {
        return Map.of("isolation", "docker/volume", "launcher", "linux", "image_providers", "docker");
    }

    /** The blueprint's template installing DC/OS {@code release} from that release's installer. */
    static Map<String, Object> releaseTemplate(String name, String release) {
        Map<String, Object> template = blueprintTemplate(name);
        template.put("labels", Map.of("isolation", "docker/volume", "launcher", "linux", "image_providers", "docker",
                "dcos_release", release,
                "dcos_installer_url", "http://files.example.org/dcos/" + release + "/dcos_generate_config.sh"));
        return template;
    }

    private static final OpenStackHttp HTTP = new OpenStackHttp(Duration.ofSeconds(5), Duration.ofSeconds(60));
    private static final Map<String, IssuedToken> TOKENS = new ConcurrentHashMap<>();
    private static KeystoneClient keystone;

    private LoopbackCloud() {
    }

    /** Magnetar's service user, as the server under test authenticates. */
    static synchronized KeystoneClient keystone() {
        if (keystone == null) {
            keystone = LoopbackOpenStack.serviceClient();
        }
        return keystone;
    }

    /**
     * A server with Keystone auth and the OpenStack backend against the loopback cloud: Heat's
     * compute, network, storage and load-balancer resources are no-ops, and the look-ups go to
     * {@link LookupStandIn} on its interface.
     */
    static Map<Option, String> serverOptions() {
        Map<Option, String> options = new EnumMap<>(Option.class);
        options.put(Option.API_AUTH, "keystone");
        options.put(Option.BACKEND_KIND, "openstack");
        options.put(Option.KEYSTONE_AUTH_URL, LoopbackOpenStack.authUrl().toString());
        options.put(Option.KEYSTONE_USERNAME, LoopbackOpenStack.serviceSettings().username());
        options.put(Option.KEYSTONE_PASSWORD, LoopbackOpenStack.serviceSettings().secret());
        options.put(Option.KEYSTONE_PROJECT, LoopbackOpenStack.serviceSettings().projectName());
        options.put(Option.KEYSTONE_INTERFACE, LookupStandIn.INTERFACE);
        options.put(Option.KEYSTONE_CLUSTER_CREDENTIAL_KEY, CLUSTER_CREDENTIAL_KEY);
        options.put(Option.HEAT_RESOURCE_REGISTRY_OVERRIDES,
                "OS::Nova::*=OS::Heat::None,OS::Neutron::*=OS::Heat::None,"
                        + "OS::Cinder::*=OS::Heat::None,OS::Octavia::*=OS::Heat::None");
        // Heat's statuses change in seconds; polling it faster only slows it on two shared cores.
        options.put(Option.CONDUCTOR_RECONCILE_INTERVAL, "2000");
        return options;
    }

    /**
     * A server against the loopback cloud with its real Neutron, Nova, Glance, Cinder and Octavia
     * ({@link RealResources}): Heat creates every resource for real, and the look-ups go to the
     * real services on the public interface.
     */
    static Map<Option, String> realCloudOptions() {
        Map<Option, String> options = serverOptions();
        options.remove(Option.HEAT_RESOURCE_REGISTRY_OVERRIDES);
        options.put(Option.KEYSTONE_INTERFACE, "public");
        return options;
    }

    /** The same configuration as {@code MAGNETAR_*} variables, for {@code serve} in a child process. */
    static Map<String, String> serverEnvironment() {
        Map<String, String> env = new LinkedHashMap<>();
        serverOptions().forEach((option, value) -> env.put(option.environmentName(), value));
        return env;
    }

    /** A project-scoped token of a test identity, e.g. {@code alpha-member} in {@code alpha}; kept per JVM. */
    static IssuedToken login(String user, String project) {
        return TOKENS.computeIfAbsent(user + "@" + project, key -> LoopbackOpenStack.login(keystone(), user, project));
    }

    /**
     * Drops the kept tokens: a token carries the catalogue as it was when issued, so after the
     * catalogue changes ({@link RealResources}) the next login issues a token that shows the change.
     */
    static void forgetTokens() {
        TOKENS.clear();
    }

    static Caller caller(String baseUrl, String user, String project) {
        return new Caller(user, baseUrl, login(user, project).value());
    }

    static String projectId(String project) {
        return login(project + "-member", project).info().projectId();
    }

    /** The project's member as a Heat credential: a project's stacks are visible to its members. */
    static StackCredential member(String project) {
        IssuedToken token = login(project + "-member", project);
        return new StackCredential(token.info().projectId(), token.info().userId(), project + "-member-secret");
    }

    /**
     * The stacks Heat has for a cluster, found by the tag the conductor puts on them. A stack that
     * is DELETE_COMPLETE is gone (Heat still lists it for a moment before hiding it).
     */
    static List<JsonNode> stacksOf(String project, String clusterUuid) {
        JsonNode stacks = heat(project, "/stacks?tags=" + encode("cluster_uuid=" + clusterUuid)).path("stacks");
        List<JsonNode> found = new ArrayList<>();
        for (JsonNode stack : stacks) {
            if (!stack.path("stack_status").asText().equals("DELETE_COMPLETE")) {
                found.add(stack);
            }
        }
        return found;
    }

    /** One stack with its outputs, as the project's member sees it. */
    static JsonNode stack(String project, String name, String id) {
        return heat(project, "/stacks/" + name + "/" + id).path("stack");
    }

    private static JsonNode heat(String project, String path) {
        IssuedToken token = login(project + "-member", project);
        URI endpoint = keystone().endpoint(token.info().catalog(), "orchestration").orElseThrow();
        ServiceResponse response = HTTP.send("GET", URI.create(endpoint + path), Map.of("X-Auth-Token", token.value()),
                null, RetryPolicy.DEFAULT);
        if (!response.isSuccess()) {
            throw new AssertionError("Heat GET " + path + ": HTTP " + response.status() + " " + response.errorMessage());
        }
        return response.body();
    }

    /** The cluster's Keystone user ({@code cluster-<uuid>} in domain magnetar), if it exists. */
    static Optional<String> clusterUserId(String clusterUuid) {
        ServiceResponse response = keystone().callAsService("GET", "/users?name=" + encode("cluster-" + clusterUuid),
                null);
        if (!response.isSuccess()) {
            throw new AssertionError("Keystone user look-up: HTTP " + response.status());
        }
        JsonNode users = response.body().path("users");
        return users.isEmpty() ? Optional.empty() : Optional.of(users.get(0).path("id").asText());
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
