package dev.magnetar.driver.dcos.labels;

import dev.magnetar.driver.kit.labels.LabelReading;
import dev.magnetar.driver.kit.labels.LabelSchema;
import dev.magnetar.driver.kit.labels.LabelSpec;
import dev.magnetar.driver.kit.labels.LabelType;
import dev.magnetar.driver.kit.labels.ValueCheck;
import dev.magnetar.mesos.agent.AgentFlagReader;
import dev.magnetar.mesos.agent.FlagViolation;
import dev.magnetar.mesos.agent.MesosAttributes;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import static dev.magnetar.driver.dcos.labels.DcosValueChecks.absolutePath;
import static dev.magnetar.driver.dcos.labels.DcosValueChecks.dnsSearch;
import static dev.magnetar.driver.dcos.labels.DcosValueChecks.httpUrl;
import static dev.magnetar.driver.dcos.labels.DcosValueChecks.ipv4Cidr;
import static dev.magnetar.driver.dcos.labels.DcosValueChecks.printable;
import static dev.magnetar.driver.kit.labels.LabelTypes.bool;
import static dev.magnetar.driver.kit.labels.LabelTypes.integer;
import static dev.magnetar.driver.kit.labels.LabelTypes.json;
import static dev.magnetar.driver.kit.labels.LabelTypes.mesosDuration;
import static dev.magnetar.driver.kit.labels.LabelTypes.oneOf;
import static dev.magnetar.driver.kit.labels.LabelTypes.secret;
import static dev.magnetar.driver.kit.labels.LabelTypes.text;
import static dev.magnetar.driver.kit.labels.ValueChecks.emptyOr;
import static dev.magnetar.driver.kit.labels.ValueChecks.pattern;

/**
 * Every label {@code dcos_centos_v1} knows, as data: the blueprint's Mesos agent flags, the
 * DC/OS 2.2 {@code config.yaml} keys a user may choose, the install-source and shape labels, and
 * the keys refused with the reason. Anything not listed here is rejected as unknown.
 */
public final class DcosLabelSchema {

    /** The agents' Mesos attributes ({@code MESOS_ATTRIBUTES}), usually given per node group. */
    public static final String DCOS_MESOS_ATTRIBUTES = "dcos_mesos_attributes";
    public static final String ISOLATION = "isolation";
    public static final String LAUNCHER = "launcher";
    public static final String IMAGE_PROVIDERS = "image_providers";
    public static final String EXECUTOR_ENVIRONMENT_VARIABLES = "executor_environment_variables";
    public static final String EXHIBITOR_STORAGE_BACKEND = "exhibitor_storage_backend";
    public static final String DCOS_INSTALLER_URL = "dcos_installer_url";
    public static final String DCOS_RELEASE = "dcos_release";
    public static final String DCOS_PUBLIC_AGENT_COUNT = "dcos_public_agent_count";
    public static final String FIXED_SUBNET_CIDR = "fixed_subnet_cidr";
    public static final String DCOS_PACKAGE_REPOSITORIES = "dcos_package_repositories";
    public static final String DCOS_PACKAGE_REPOSITORIES_KEEP_DEFAULT = "dcos_package_repositories_keep_default";
    public static final String DCOS_LOCAL_UNIVERSE_URL = "dcos_local_universe_url";
    public static final String DCOS_LOCAL_UNIVERSE_ARTIFACTS_URL = "dcos_local_universe_artifacts_url";

    /** The table, indexed; the "unknown label" answer lists canonical names only. */
    public static final LabelSchema SCHEMA = new LabelSchema("dcos_centos_v1", build(),
            LabelSchema.AcceptedNames.NAMES);

    /** The same table, in documentation order. */
    public static final List<LabelSpec> LABELS = SCHEMA.labels();

    private static final String DURATION_ALLOWED = "a number followed by ns|us|ms|secs|mins|hrs|days|weeks";

    private DcosLabelSchema() {
    }

    /**
     * A request's labels read against the table: aliases folded into their canonical names, every
     * value checked on its own. Cross-label rules come after, in {@link DcosLabelRules}.
     */
    public static LabelReading read(Map<String, String> raw) {
        return SCHEMA.read(raw);
    }

    private static List<LabelSpec> build() {
        List<LabelSpec> t = new ArrayList<>();
        // The blueprint's Mesos agent flags.
        t.add(new LabelSpec(ISOLATION, List.of("mesos_slave_isolation"),
                text("comma list", agentFlag((r, v) -> r.isolation(ISOLATION, v))),
                "Mesos 1.11 isolator names; deprecated process, cgroups, posix/disk are rewritten",
                null, "added to DC/OS 2.2's calculated MESOS_ISOLATION; the cross-flag rules of Mesos 1.11 "
                + "apply to the effective set (one filesystem/* isolator; cgroups, namespaces and "
                + "filesystem/linux need launcher=linux)", Landing.AGENT_FLAG, "MESOS_ISOLATION"));
        t.add(new LabelSpec(LAUNCHER, List.of(), text("enum", agentFlag((r, v) -> r.launcher(LAUNCHER, v))),
                "linux, posix", "linux", "posix cannot run DC/OS's cgroups, namespaces/pid and filesystem/linux "
                + "isolators", Landing.AGENT_FLAG, "MESOS_LAUNCHER"));
        t.add(new LabelSpec(IMAGE_PROVIDERS, List.of("mesos_slave_image_providers"),
                text("comma list", agentFlag((r, v) -> r.imageProviders(IMAGE_PROVIDERS, v))),
                "docker, appc (case-insensitive)", "docker",
                "any provider needs filesystem/linux and launcher=linux; docker needs docker/runtime",
                Landing.AGENT_FLAG, "MESOS_IMAGE_PROVIDERS"));
        t.add(new LabelSpec(EXECUTOR_ENVIRONMENT_VARIABLES, List.of("mesos_slave_executor_env_variables"),
                json(agentFlag((r, v) -> r.executorEnvironmentVariables(EXECUTOR_ENVIRONMENT_VARIABLES, v))),
                "a JSON object whose values are all strings", null,
                "replaces DC/OS's default executor environment file, so include PATH and LD_LIBRARY_PATH if "
                + "your executors need them", Landing.AGENT_FLAG, "MESOS_EXECUTOR_ENVIRONMENT_VARIABLES"));
        t.add(new LabelSpec(DCOS_MESOS_ATTRIBUTES, List.of(), text("attribute list", MesosAttributes::problem),
                "key:value pairs separated by ';' (values: numbers, [a-b] ranges or text)", null,
                "the agents' Mesos attributes that schedulers place tasks by (e.g. zone:az1;gpu:true); a node "
                + "group's labels give its own agents theirs; on public agents Magnetar adds public_ip:true, "
                + "the attribute DC/OS gives them",
                Landing.AGENT_FLAG, "MESOS_ATTRIBUTES"));
        // Exhibitor storage and what each backend requires.
        t.add(config(EXHIBITOR_STORAGE_BACKEND, oneOf(ExhibitorBackend.names()),
                String.join(", ", ExhibitorBackend.names()), "static", "must not be static with master_lb_enabled "
                        + "(master_http_loadbalancer discovery); each backend requires its keys"));
        t.add(config("exhibitor_zk_hosts", text("host:port list",
                        pattern("(?!zk://)[A-Za-z0-9.-]+:[0-9]{1,5}(,[A-Za-z0-9.-]+:[0-9]{1,5})*",
                                "must be host:port[,host:port...] without a zk:// prefix")),
                "host:port[,host:port...] without zk://", null,
                "required with exhibitor_storage_backend=zookeeper; that ZooKeeper becomes a permanent member"));
        t.add(config("exhibitor_zk_path", text("path", absolutePath()), "a ZooKeeper path starting with /", null,
                "required with exhibitor_storage_backend=zookeeper"));
        t.add(config("aws_region", string(pattern("[a-z]{2}(-[a-z]+)+-[0-9]+",
                        "must be an AWS region such as us-west-2")), "an AWS region such as us-west-2", null,
                "required with exhibitor_storage_backend=aws_s3"));
        t.add(config("s3_bucket", string(pattern("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]",
                        "must be an S3 bucket name (3-63 of a-z, 0-9, '.', '-')")), "an S3 bucket name", null,
                "required with aws_s3"));
        t.add(config("s3_prefix", string(pattern("[A-Za-z0-9!_.*'()/-]*[A-Za-z0-9!_.*'()-]",
                        "must be an S3 key prefix not ending in /")), "a key prefix not ending in /", null,
                "required with aws_s3; must not end in /"));
        t.add(config("exhibitor_explicit_keys", bool(), "true, false", null,
                "required with aws_s3; true requires aws_access_key_id"));
        t.add(config("aws_access_key_id", string(pattern("[A-Z0-9]{16,128}",
                        "must be an AWS access key id (16-128 of A-Z, 0-9)")), "an AWS access key id", null,
                "required with aws_s3 when exhibitor_explicit_keys=true"));
        t.add(config("aws_secret_access_key", secret(printable(128)), "printable text", null, "used with aws_s3"));
        t.add(config("exhibitor_azure_account_name", string(pattern("[a-z0-9]{3,24}",
                        "must be an Azure storage account name (3-24 of a-z, 0-9)")), "an Azure storage account name",
                null, "required with exhibitor_storage_backend=azure"));
        t.add(config("exhibitor_azure_account_key", secret(printable(512)), "printable text", null,
                "used with azure"));
        t.add(config("exhibitor_azure_prefix", string(pattern("[A-Za-z0-9._/-]{1,255}",
                        "must be 1-255 of letters, digits, '.', '_', '-', '/'")), "a blob prefix", null,
                "required with azure"));
        t.add(config("exhibitor_fs_config_dir", text("path", absolutePath()), "an absolute path", null,
                "required with exhibitor_storage_backend=shared_filesystem"));
        // Virtual networks.
        t.add(config("dcos_overlay_enable", bool(), "true, false", "true",
                "network_driver dcos-overlay requires true"));
        t.add(config("dcos_overlay_mtu", integer(552, 9000), "552 to 9000", "1400",
                "at least 552; on Neutron VXLAN networks (MTU 1450) at most 1400, hence Magnetar's default "
                        + "instead of DC/OS's 1420"));
        t.add(config("dcos_overlay_config_attempts", integer(0, 10), "0 to 10", null, "0 to 10 inclusive"));
        t.add(config("dcos_overlay_network", json(OverlayNetwork.check()), "a JSON object: vtep_subnet, "
                        + "vtep_subnet6, vtep_mac_oui, overlays [{name, subnet|subnet6, prefix}]", null,
                "vtep_subnet6 is required since DC/OS 2.1; overlay names at most 13 characters; IPv4 overlay "
                        + "subnets must not overlap Calico's " + OverlayNetwork.CALICO_NETWORK_CIDR
                        + " while calico_enabled"));
        t.add(config("calico_enabled", bool(), "true, false", "true",
                "DC/OS 2.1+; network_driver calico requires true"));
        t.add(config("enable_ipv6", bool(), "true, false", "true",
                "false also writes dcos_l4lb_enable_ipv6: false, as DC/OS requires; use false on images with "
                        + "IPv6 disabled in the kernel"));
        // Node behaviour.
        t.add(config("dns_search", string(dnsSearch()), "1 to 6 space-separated domains", null,
                "resolv.conf limits: under 256 characters, no commas or newlines"));
        t.add(config("check_time", bool(), "true, false", "true",
                "true makes every node wait for a synchronised clock (Magnetar's scripts wait for chrony)"));
        t.add(config("oauth_enabled", bool(), "true, false", "true", "Admin Router authentication"));
        t.add(config("telemetry_enabled", bool(), "true, false", "true", "anonymous usage data"));
        t.add(config("docker_remove_delay", mesosDuration(), DURATION_ALLOWED, "1hrs",
                "not checked by DC/OS's gen; a bare number breaks the agent, so it is checked here"));
        t.add(config("gc_delay", mesosDuration(), DURATION_ALLOWED, "2days", "not checked by DC/OS's gen; checked here"));
        t.add(config("docker_stop_timeout", mesosDuration(), DURATION_ALLOWED, "20secs",
                "not checked by DC/OS's gen; checked here"));
        t.add(new LabelSpec("rexray_preempt", List.of(), bool(), "true, false", "false",
                "only with volume_driver rexray; lets a node take over a volume attached elsewhere",
                Landing.CONFIG_YAML, "rexray_config.rexray.volume.mount.preempt"));
        // Install source and shape.
        t.add(new LabelSpec(DCOS_INSTALLER_URL, List.of(), text("URL", emptyOr(httpUrl())),
                "an http(s) URL of dcos_generate_config.sh; empty uses /opt/dcos/dcos_generate_config.sh in the image",
                "the service's [driver.dcos_centos_v1] dcos_installer_url",
                "the public download site is gone, so operators host the DC/OS 2.2 installer",
                Landing.HEAT_PARAMETER, "node_settings (DCOS_INSTALLER_URL)"));
        t.add(new LabelSpec(DCOS_RELEASE, List.of(), text("release", pattern(DcosRelease.PATTERN, "a DC/OS "
                + DcosRelease.inWords() + " release number, e.g. 2.2.1")), DcosRelease.inWords() + ", e.g. 2.2.1",
                null, "the release dcos_installer_url installs: the upgrade action checks the move from the "
                + "cluster's installed release with it, and the bootstrap server generates the node upgrade "
                + "script for it", Landing.HEAT_PARAMETER, "upgrade_release (set by an upgrade)"));
        t.add(new LabelSpec(DCOS_PUBLIC_AGENT_COUNT, List.of(), integer(0, 50), "0 to 50", "0",
                "public agents run slave_public for Marathon-LB and other edge services",
                Landing.HEAT_PARAMETER, "number_of_public_agents"));
        t.add(new LabelSpec(FIXED_SUBNET_CIDR, List.of(), text("IPv4 CIDR", ipv4Cidr()),
                "an IPv4 network, e.g. 10.0.0.0/24", "10.0.0.0/24", "the private subnet Magnetar creates; with an "
                + "existing fixed_subnet, give its CIDR so the load balancer may reach the masters",
                Landing.HEAT_PARAMETER, "fixed_subnet_cidr"));
        // Package repositories: applied through Cosmos once DC/OS is up, changeable on a running cluster.
        t.add(new LabelSpec(DCOS_PACKAGE_REPOSITORIES, List.of(), text("repository list", PackageRepositories.check()),
                "name=URL entries separated by ';', in priority order: 1 to " + PackageRepositories.MAX_REPOSITORIES
                        + ", names of letters, digits, '.', '_', '-', http(s) URLs, no name or URL twice",
                null, "Cosmos lists exactly these (the monitor adds what is missing in order and deletes the rest); "
                + "unset leaves DC/OS's own list alone; a cluster update of the label changes the list without a "
                + "stack update", Landing.PACKAGE_REPOSITORY, "/package/repository/add and /delete"));
        t.add(new LabelSpec(DCOS_PACKAGE_REPOSITORIES_KEEP_DEFAULT, List.of(), bool(), "true, false", "false",
                "only with dcos_package_repositories: true keeps DC/OS's public Universe ("
                        + PackageRepositories.PUBLIC_UNIVERSE.uri() + ") last in the list; false removes it, as "
                        + "clouds without Internet access need", Landing.PACKAGE_REPOSITORY,
                "the Universe repository"));
        t.add(new LabelSpec(DCOS_LOCAL_UNIVERSE_URL, List.of(), text("URL or image path", PackageRepositories.source()),
                "an http(s) URL of a Universe repository file (v4 or v5 JSON), or its absolute path on the image",
                null, "the bootstrap server serves it on the private network at /universe/repo.json (with "
                + "@LOCAL_UNIVERSE@ in it replaced by that address's /universe) and the masters add it to Cosmos "
                + "first, as " + PackageRepositories.LOCAL_UNIVERSE_NAME + "; fixed at create",
                Landing.HEAT_PARAMETER, "node_settings (LOCAL_UNIVERSE_REPOSITORY)"));
        t.add(new LabelSpec(DCOS_LOCAL_UNIVERSE_ARTIFACTS_URL, List.of(),
                text("URL or image path", PackageRepositories.source()),
                "an http(s) URL of a tar archive of the packages' artefacts, or an absolute directory path on the "
                        + "image", null, "only with dcos_local_universe_url; served under /universe/artifacts/ "
                + "on the bootstrap server", Landing.HEAT_PARAMETER, "node_settings (LOCAL_UNIVERSE_ARTIFACTS)"));
        // Refused keys.
        String calculated = "DC/OS calculates it; setting it fails gen with 'must be calculated'";
        rejected(t, "mesos_isolation", "DC/OS calculates it; add isolators with the isolation label instead");
        rejected(t, "num_masters", "set from the cluster's master_count");
        rejected(t, "master_list", "Magnetar writes the masters' addresses");
        rejected(t, "master_discovery", "chosen by master_lb_enabled: master_http_loadbalancer or static");
        rejected(t, "exhibitor_address", "Magnetar writes the masters' load balancer address");
        rejected(t, "resolvers", "taken from the template's dns_nameserver");
        rejected(t, "cluster_name", "taken from the cluster's name");
        rejected(t, "bootstrap_url", "Magnetar's bootstrap server serves the install files");
        rejected(t, "ip_detect_filename", "Magnetar writes genconf/ip-detect");
        rejected(t, "ip_detect_public_filename", "Magnetar writes genconf/ip-detect-public");
        rejected(t, "rexray_config", "written from volume_driver rexray, the cluster's credential and rexray_preempt");
        for (String key : List.of("use_proxy", "http_proxy", "https_proxy", "no_proxy")) {
            rejected(t, key, "taken from the template's http_proxy, https_proxy and no_proxy fields");
        }
        for (String key : List.of("dcos_version", "provider", "check_search_path", "fault_domain_enabled",
                "licensing_enabled", "mesos_master_port", "mesos_agent_port", "marathon_port", "exhibitor_port",
                "metronome_port", "mesos_dns_port", "master_quorum", "exhibitor_static_ensemble",
                "adminrouter_auth_enabled", "dcos_l4lb_enable_ipv6")) {
            rejected(t, key, key.equals("dcos_l4lb_enable_ipv6") ? "follows enable_ipv6" : calculated);
        }
        for (String key : List.of("log_directory", "process_timeout", "ssh_user", "ssh_port", "ssh_key_path",
                "agent_list", "public_agent_list")) {
            rejected(t, key, "no effect: an SSH-installer key (removed in DC/OS 2.0); this install runs --genconf");
        }
        rejected(t, "mesos_slave_work_dir", "DC/OS fixes the agent's work dir (mesos_agent_work_dir)");
        for (String key : List.of("security", "superuser_username", "superuser_password_hash", "license_key_contents")) {
            rejected(t, key, "Enterprise-only; Open DC/OS ignores it silently");
        }
        return List.copyOf(t);
    }

    /** A config.yaml key a user may set under its own name. */
    private static LabelSpec config(String name, LabelType type, String allowed, String defaultValue, String rule) {
        return new LabelSpec(name, List.of(), type, allowed, defaultValue, rule, Landing.CONFIG_YAML, name);
    }

    private static LabelType string(ValueCheck check) {
        return text("string", check);
    }

    private static void rejected(List<LabelSpec> table, String name, String reason) {
        table.add(LabelSpec.refused(name, reason, Landing.REJECTED));
    }

    /** A check through the shared Mesos agent flag reader, reporting its first violation. */
    private static ValueCheck agentFlag(java.util.function.BiConsumer<AgentFlagReader, String> read) {
        Function<String, List<FlagViolation>> run = value -> {
            AgentFlagReader reader = new AgentFlagReader(DcosAgentDefaults.CATALOG);
            read.accept(reader, value);
            return reader.violations();
        };
        return value -> run.apply(value).stream().map(v -> v.value().equals(value) ? v.rule()
                : "'" + v.value() + "' " + v.rule()).reduce((a, b) -> a + "; " + b);
    }
}
