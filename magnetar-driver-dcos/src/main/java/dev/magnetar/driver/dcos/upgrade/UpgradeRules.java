package dev.magnetar.driver.dcos.upgrade;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.magnetar.driver.dcos.labels.DcosRelease;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;

/**
 * What DC/OS's upgrade cannot do, as rules over the two renderings of a cluster (on its template and on
 * the one it would move to): the release step (docs/reference/dcos-facts.md#upgrades), the
 * config.yaml keys DC/OS fixes at install, and the stack parameters that Heat could only apply by
 * replacing servers. Each violation names the field, both values and why.
 */
public final class UpgradeRules {

    /**
     * config.yaml keys DC/OS reads once, at install, and keeps in the cluster's own state, with why
     * (docs/reference/dcos-facts.md#upgrades).
     */
    public static final Map<String, String> FIXED_AT_INSTALL = fixed();

    /** Stack parameters an upgrade may change: the release's files, and the upgrade's own. */
    static final List<String> CHANGED_BY_UPGRADE = List.of("node_settings", "dcos_config", "agent_flags");

    /** The cluster or template field behind each other stack parameter, as users know it. */
    private static final Map<String, String> FIELDS = Map.ofEntries(
            Map.entry("server_image", "image_id"),
            Map.entry("master_flavor", "master_flavor_id"),
            Map.entry("agent_flavor", "flavor_id"),
            Map.entry("ssh_key_name", "keypair_id"),
            Map.entry("external_network", "external_network_id"),
            Map.entry("fixed_network", "fixed_network"),
            Map.entry("fixed_subnet", "fixed_subnet"),
            Map.entry("fixed_subnet_cidr", "label fixed_subnet_cidr"),
            Map.entry("dns_nameserver", "dns_nameserver"),
            Map.entry("number_of_public_agents", "label dcos_public_agent_count"),
            Map.entry("master_lb_enabled", "master_lb_enabled"),
            Map.entry("floating_ip_enabled", "floating_ip_enabled"),
            Map.entry("docker_volume_size", "docker_volume_size"));

    private UpgradeRules() {
    }

    private static Map<String, String> fixed() {
        Map<String, String> f = new LinkedHashMap<>();
        String zookeeper = "Exhibitor keeps the ZooKeeper ensemble (and with it Mesos's and Marathon's state) "
                + "where the install put it; another backend starts an empty ensemble";
        for (String key : List.of("exhibitor_storage_backend", "exhibitor_zk_hosts", "exhibitor_zk_path",
                "aws_region", "s3_bucket", "s3_prefix", "exhibitor_explicit_keys", "aws_access_key_id",
                "aws_secret_access_key", "exhibitor_azure_account_name", "exhibitor_azure_prefix",
                "exhibitor_azure_account_key", "exhibitor_fs_config_dir")) {
            f.put(key, zookeeper);
        }
        f.put("master_discovery", "the agents and Exhibitor find the masters the way the install set up "
                + "(a static list or the load balancer); DC/OS cannot switch it on a running cluster");
        f.put("num_masters", "the ZooKeeper quorum and the Mesos replicated log are sized at install and "
                + "can never change");
        f.put("dns_search", "every node's resolv.conf search list is written at install; a change during "
                + "an upgrade leaves old and new nodes resolving names differently");
        f.put("resolvers", "the upstream resolvers are baked into every node's DNS forwarder at install; "
                + "DC/OS's docs warn that changing them can force a reinstall");
        f.put("dcos_overlay_enable", "the overlay's subnets are handed out to the agents at install and "
                + "kept in their state");
        f.put("dcos_overlay_network", "the overlay's subnets are handed out to the agents at install and "
                + "kept in their state; tasks keep the addresses they were given");
        f.put("mesos_master_work_dir", "the masters' replicated log lives there");
        f.put("mesos_agent_work_dir", "the agents' checkpointed tasks live there");
        return java.util.Collections.unmodifiableMap(f);
    }

    /** Why DC/OS cannot go from {@code installed} to {@code target}, naming the template; empty when it can. */
    public static Optional<String> release(DcosRelease installed, DcosRelease target, String templateName) {
        return installed.refusesUpgradeTo(target).map(why -> "cluster_template " + templateName
                + " installs DC/OS " + target + " (label dcos_release), which is not allowed from the installed "
                + installed + ": " + why);
    }

    /** The config.yaml keys whose values differ, each with its two values and why it cannot change. */
    public static List<String> config(ObjectNode installed, ObjectNode upgraded) {
        List<String> violations = new ArrayList<>();
        TreeSet<String> keys = new TreeSet<>();
        installed.fieldNames().forEachRemaining(keys::add);
        upgraded.fieldNames().forEachRemaining(keys::add);
        for (String key : keys) {
            JsonNode before = installed.get(key);
            JsonNode after = upgraded.get(key);
            if (Objects.equals(before, after)) {
                continue;
            }
            String why = FIXED_AT_INSTALL.getOrDefault(key, "an upgrade keeps the config.yaml the cluster was "
                    + "installed with (the bootstrap server generates the new release from it), so other "
                    + "configuration changes need a new cluster");
            violations.add("config.yaml key " + key + " would change from " + shown(before) + " to " + shown(after)
                    + ", which is not allowed in an upgrade: " + why);
        }
        return violations;
    }

    /**
     * The stack parameters (other than the release's files) whose values differ: Heat would apply them by
     * replacing servers or networks, which an in-place upgrade must not do.
     */
    public static List<String> stack(Map<String, Object> installed, Map<String, Object> upgraded) {
        List<String> violations = new ArrayList<>();
        TreeSet<String> names = new TreeSet<>(installed.keySet());
        names.addAll(upgraded.keySet());
        for (String name : names) {
            if (CHANGED_BY_UPGRADE.contains(name)
                    || Objects.equals(text(installed.get(name)), text(upgraded.get(name)))) {
                continue;
            }
            violations.add(FIELDS.getOrDefault(name, "stack parameter " + name) + " would change from '"
                    + text(installed.get(name)) + "' to '" + text(upgraded.get(name)) + "', which is not allowed in "
                    + "an upgrade: the nodes upgrade in place on the servers and networks they have, and this "
                    + "change would replace them");
        }
        return violations;
    }

    /** The lines of two node settings files that differ, but for the installer the upgrade brings. */
    public static List<String> nodeSettings(String installed, String upgraded, String installerKey) {
        List<String> before = settingLines(installed, installerKey);
        List<String> after = settingLines(upgraded, installerKey);
        if (before.equals(after)) {
            return List.of();
        }
        List<String> changed = new ArrayList<>(after);
        changed.removeAll(before);
        List<String> gone = new ArrayList<>(before);
        gone.removeAll(after);
        return List.of("the node settings would change (" + String.join(", ", names(gone, changed)) + "), which is "
                + "not allowed in an upgrade: only the installer (dcos_installer_url) changes; the Docker "
                + "package and the local Universe stay as installed");
    }

    private static List<String> settingLines(String text, String installerKey) {
        return text.lines().filter(l -> !l.startsWith("#") && !l.startsWith(installerKey + "=")).toList();
    }

    private static List<String> names(List<String> gone, List<String> changed) {
        TreeSet<String> names = new TreeSet<>();
        for (List<String> lines : List.of(gone, changed)) {
            lines.forEach(l -> names.add(l.contains("=") ? l.substring(0, l.indexOf('=')) : l));
        }
        return List.copyOf(names);
    }

    private static String shown(JsonNode value) {
        return value == null ? "(unset)" : value.toString();
    }

    private static String text(Object value) {
        return value == null ? "" : value.toString();
    }
}
