package dev.magnetar.driver.dcos.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.magnetar.driver.dcos.labels.DcosLabelSchema;
import dev.magnetar.driver.dcos.labels.ExhibitorBackend;
import dev.magnetar.driver.dcos.labels.Landing;
import dev.magnetar.driver.dcos.labels.MasterCounts;
import dev.magnetar.driver.dcos.labels.OverlayNetwork;
import dev.magnetar.driver.dcos.labels.SpartanAddresses;
import dev.magnetar.driver.kit.labels.LabelSpec;
import dev.magnetar.driver.kit.labels.ValueChecks;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * DC/OS 2.2's {@code gen} rules, applied to the rendered config tree before any stack exists: the
 * last line of defence between a renderer bug and an installer that fails twenty minutes into a
 * create. Stack-time keys ({@link DcosConfig#STACK_TIME_KEYS}) are not in the tree; their count
 * rule is checked against the cluster's master count instead.
 */
public final class DcosConfigRules {

    /**
     * Keys gen calculates; setting them fails with "must be calculated"
     * (docs/reference/dcos-facts.md#keys-the-installer-calculates).
     */
    static final Set<String> CALCULATED = Set.of("mesos_isolation", "dcos_version", "provider", "check_search_path",
            "fault_domain_enabled", "licensing_enabled", "mesos_master_port", "mesos_agent_port", "marathon_port",
            "exhibitor_port", "metronome_port", "mesos_dns_port", "master_quorum", "exhibitor_static_ensemble",
            "adminrouter_auth_enabled", "custom_auth", "resolvers_str", "mesos_hooks", "use_mesos_hooks",
            "rexray_config_contents", "no_proxy_final", "has_master_external_loadbalancer", "package_ids");

    private DcosConfigRules() {
    }

    /** Every rule the tree breaks, as "key: problem". */
    public static List<String> check(ObjectNode config, int masterCount) {
        List<String> problems = new ArrayList<>();
        config.properties().forEach(e -> {
            if (e.getValue().isNull() || e.getValue().isFloatingPointNumber()) {
                problems.add(e.getKey() + ": null and float values crash DC/OS's gen");
            }
            if (CALCULATED.contains(e.getKey())) {
                problems.add(e.getKey() + ": must be calculated by DC/OS, not set");
            }
        });
        if ("static".equals(config.path("master_discovery").asText()) && config.has("num_masters")) {
            problems.add("num_masters: must be calculated from master_list with static discovery");
        }
        for (String required : List.of("cluster_name", "exhibitor_storage_backend", "master_discovery")) {
            if (!config.hasNonNull(required)) {
                problems.add(required + ": required by DC/OS");
            }
        }
        String discovery = config.path("master_discovery").asText();
        String backend = config.path("exhibitor_storage_backend").asText();
        if (!List.of("static", "master_http_loadbalancer").contains(discovery)) {
            problems.add("master_discovery: must be static or master_http_loadbalancer");
        }
        Optional<ExhibitorBackend> known = ExhibitorBackend.of(backend);
        if (known.isEmpty()) {
            problems.add("exhibitor_storage_backend: must be one of " + Arrays.toString(ExhibitorBackend.names()));
        } else {
            known.get().required().stream().filter(k -> !config.hasNonNull(k))
                    .forEach(k -> problems.add(k + ": required with exhibitor_storage_backend " + backend));
        }
        if (!"static".equals(discovery) && "static".equals(backend)) {
            problems.add("exhibitor_storage_backend: must not be static unless master_discovery is static");
        }
        if ("master_http_loadbalancer".equals(discovery)) {
            int num = config.path("num_masters").asInt(-1);
            if (num != masterCount || !MasterCounts.allowed(num)) {
                problems.add("num_masters: must be the master count, one of " + MasterCounts.listed());
            }
        } else if (!MasterCounts.allowed(masterCount)) {
            problems.add("master_list: must hold " + MasterCounts.inWords() + " masters");
        }
        if (config.path("exhibitor_zk_hosts").asText("").startsWith("zk://")) {
            problems.add("exhibitor_zk_hosts: must not start with zk://");
        }
        if (config.has("exhibitor_zk_path") && !config.path("exhibitor_zk_path").asText().startsWith("/")) {
            problems.add("exhibitor_zk_path: must start with /");
        }
        if (config.path("s3_prefix").asText("").endsWith("/")) {
            problems.add("s3_prefix: must not end in /");
        }
        resolvers(config.path("resolvers"), problems);
        for (LabelSpec spec : DcosLabelSchema.LABELS) {
            JsonNode value = config.get(spec.target());
            if (spec.landing() != Landing.CONFIG_YAML || value == null) {
                continue;
            }
            spec.type().renderedProblem(value).ifPresent(p -> problems.add(spec.target() + ": " + p));
        }
        JsonNode mtu = config.get("dcos_overlay_mtu");
        if (mtu != null && !(mtu.isInt() && mtu.intValue() >= 552)) {
            problems.add("dcos_overlay_mtu: must be an integer of at least 552");
        }
        JsonNode attempts = config.get("dcos_overlay_config_attempts");
        if (attempts != null && !(attempts.isInt() && attempts.intValue() >= 0 && attempts.intValue() <= 10)) {
            problems.add("dcos_overlay_config_attempts: must be an integer from 0 to 10");
        }
        JsonNode overlay = config.get("dcos_overlay_network");
        if (overlay != null) {
            OverlayNetwork.problems(overlay).forEach(p -> problems.add("dcos_overlay_network: " + p));
        }
        if (config.path("enable_ipv6").isBoolean() && !config.path("enable_ipv6").booleanValue()
                && config.path("dcos_l4lb_enable_ipv6").asBoolean(true)) {
            problems.add("dcos_l4lb_enable_ipv6: must be false when enable_ipv6 is false");
        }
        if (config.path("use_proxy").asBoolean(false)) {
            for (String key : List.of("http_proxy", "https_proxy")) {
                if (!config.hasNonNull(key)) {
                    problems.add(key + ": required with use_proxy");
                }
            }
            if (!config.path("no_proxy").isArray()) {
                problems.add("no_proxy: must be a list with use_proxy");
            }
        }
        if (config.has("rexray_config") && !config.get("rexray_config").isObject()) {
            problems.add("rexray_config: must be a map");
        }
        problems.addAll(ServiceAccountRules.check(config));
        return problems;
    }

    private static void resolvers(JsonNode resolvers, List<String> problems) {
        if (!resolvers.isArray()) {
            problems.add("resolvers: must be a list of IPv4 addresses");
            return;
        }
        Set<String> seen = new HashSet<>();
        for (JsonNode resolver : resolvers) {
            String text = resolver.asText();
            String address = text.contains(":") ? text.substring(0, text.indexOf(':')) : text;
            String port = text.contains(":") ? text.substring(text.indexOf(':') + 1) : "53";
            if (!resolver.isTextual() || !ValueChecks.IPV4.matcher(address).matches() || !port.matches("[0-9]{1,5}")
                    || Integer.parseInt(port) < 1 || Integer.parseInt(port) > 65535) {
                problems.add("resolvers: '" + text + "' is not an IPv4 address with an optional port 1-65535");
            } else if (SpartanAddresses.ADDRESSES.contains(address)) {
                problems.add("resolvers: '" + text + "' is a DC/OS-internal Spartan address, refused since 2.2");
            } else if (!seen.add(text)) {
                problems.add("resolvers: '" + text + "' is listed twice");
            }
        }
    }
}
