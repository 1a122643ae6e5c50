package dev.magnetar.driver.mesos.labels;

import dev.magnetar.driver.kit.labels.LabelReading;
import dev.magnetar.driver.kit.labels.LabelSchema;
import dev.magnetar.driver.kit.labels.LabelSpec;
import dev.magnetar.driver.kit.labels.LabelType;
import dev.magnetar.driver.kit.labels.ValueCheck;
import dev.magnetar.mesos.agent.AgentFlagReader;
import dev.magnetar.mesos.agent.FlagViolation;
import dev.magnetar.mesos.agent.IsolatorCatalog;
import dev.magnetar.mesos.agent.MesosAttributes;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

import static dev.magnetar.driver.kit.labels.LabelTypes.bool;
import static dev.magnetar.driver.kit.labels.LabelTypes.integer;
import static dev.magnetar.driver.kit.labels.LabelTypes.json;
import static dev.magnetar.driver.kit.labels.LabelTypes.mesosDuration;
import static dev.magnetar.driver.kit.labels.LabelTypes.text;
import static dev.magnetar.driver.kit.labels.ValueChecks.emptyOr;
import static dev.magnetar.driver.kit.labels.ValueChecks.pattern;
import static dev.magnetar.driver.mesos.labels.MesosValueChecks.httpUrl;
import static dev.magnetar.driver.mesos.labels.MesosValueChecks.ipv4Cidr;

/**
 * Every label {@code mesos_ubuntu_v1} knows, as data: Magnum's four {@code mesos_slave_*} labels
 * with Mesos 1.11's full rules, the agent flags an operator also needs (launcher, containerizers,
 * executor registration timeout), the Mesos master, Marathon and install-source options, and the
 * keys refused with the reason. Anything not listed is rejected as unknown.
 */
public final class MesosLabelSchema {

    public static final String ISOLATION = "mesos_slave_isolation";
    public static final String IMAGE_PROVIDERS = "mesos_slave_image_providers";
    public static final String WORK_DIR = "mesos_slave_work_dir";
    public static final String EXECUTOR_ENV = "mesos_slave_executor_env_variables";
    public static final String LAUNCHER = "mesos_slave_launcher";
    public static final String CONTAINERIZERS = "mesos_slave_containerizers";
    public static final String EXECUTOR_REGISTRATION_TIMEOUT = "mesos_slave_executor_registration_timeout";
    /** The agents' Mesos attributes ({@code MESOS_ATTRIBUTES}), usually given per node pool. */
    public static final String ATTRIBUTES = "mesos_slave_attributes";
    public static final String REXRAY_PREEMPT = "rexray_preempt";
    public static final String ZK_SESSION_TIMEOUT = "mesos_master_zk_session_timeout";
    public static final String MARATHON_FRAMEWORK_NAME = "marathon_framework_name";
    public static final String MARATHON_MESOS_ROLE = "marathon_mesos_role";
    public static final String MARATHON_TASK_LAUNCH_TIMEOUT = "marathon_task_launch_timeout";
    public static final String REPO_URL = "mesos_repo_url";
    public static final String REPO_SUITE = "mesos_repo_suite";
    public static final String REPO_KEY_URL = "mesos_repo_key_url";
    public static final String FIXED_SUBNET_CIDR = "fixed_subnet_cidr";
    public static final String API_ALLOWED_CIDR = "master_api_allowed_cidr";

    /** Bounds of the duration labels: below them Mesos flaps, above them a typo hides a hung node. */
    public static final Duration REGISTRATION_MIN = Duration.ofSeconds(10);
    public static final Duration REGISTRATION_MAX = Duration.ofHours(1);
    public static final Duration ZK_SESSION_MIN = Duration.ofSeconds(1);
    public static final Duration ZK_SESSION_MAX = Duration.ofMinutes(10);

    /** The table, indexed; the "unknown label" answer lists aliases too. */
    public static final LabelSchema SCHEMA = new LabelSchema("mesos_ubuntu_v1", build(),
            LabelSchema.AcceptedNames.NAMES_AND_ALIASES);

    /** The whole table, in documentation order. */
    public static final List<LabelSpec> LABELS = SCHEMA.labels();

    private MesosLabelSchema() {
    }

    /**
     * A request's labels read against the table: aliases folded into their canonical names, every
     * value checked on its own. Rules that tie labels together come after, in {@link MesosLabelRules}.
     */
    public static LabelReading read(Map<String, String> raw) {
        return SCHEMA.read(raw);
    }

    /** Names users may set (labels and their aliases), sorted, for "allowed" messages. */
    public static List<String> acceptedNames() {
        return SCHEMA.acceptedNames();
    }

    private static List<LabelSpec> build() {
        List<LabelSpec> t = new ArrayList<>();
        // Magnum's labels, with Mesos 1.11's rules instead of Magnum's ten-name whitelist.
        t.add(agent(ISOLATION, List.of(), text("comma list", agentFlag((r, v) -> r.isolation(ISOLATION, v))),
                "Mesos 1.11 isolator names; deprecated process, cgroups, posix/disk are rewritten", "posix/cpu,posix/mem",
                "replaces the agent's isolation list; the cross-flag rules apply to the effective flags (one "
                        + "filesystem/* isolator; cgroups, namespaces and filesystem/linux need the linux launcher; "
                        + "Windows isolators refused)", "MESOS_ISOLATION"));
        t.add(agent(IMAGE_PROVIDERS, List.of(),
                text("comma list", agentFlag((r, v) -> r.imageProviders(IMAGE_PROVIDERS, v))),
                "docker, appc (case-insensitive)", null,
                "any provider needs filesystem/linux and the linux launcher; docker needs docker/runtime in "
                        + "mesos_slave_isolation", "MESOS_IMAGE_PROVIDERS"));
        t.add(agent(WORK_DIR, List.of(), text("path", agentFlag((r, v) -> r.workDir(WORK_DIR, v))),
                "an absolute, normalised path outside /tmp", "/var/lib/mesos/agent",
                "the agent's checkpoints and sandboxes; /tmp is cleared on reboot and loses them", "MESOS_WORK_DIR"));
        t.add(agent(EXECUTOR_ENV, List.of(), json(agentFlag((r, v) -> r.executorEnvironmentVariables(EXECUTOR_ENV, v))),
                "a JSON object whose values are all strings", null,
                "re-serialised canonically; names must be shell variable names. python-magnumclient's "
                        + "mesos_slave_executor_env_file arrives here as its file's contents",
                "MESOS_EXECUTOR_ENVIRONMENT_VARIABLES"));
        // Agent flags Magnum fixed, which an operator needs to choose.
        t.add(agent(LAUNCHER, List.of("launcher"), text("enum", agentFlag((r, v) -> r.launcher(LAUNCHER, v))),
                "linux, posix", "linux",
                "posix cannot run cgroups, namespaces or filesystem/linux isolators, nor container images",
                "MESOS_LAUNCHER"));
        t.add(agent(CONTAINERIZERS, List.of("containerizers"),
                text("comma list", agentFlag((r, v) -> r.containerizers(CONTAINERIZERS, v))),
                "mesos, docker in priority order", "docker,mesos", "duplicates refused; volume_driver rexray needs "
                        + "docker (or the docker/volume isolator); isolators only apply with mesos",
                "MESOS_CONTAINERIZERS"));
        t.add(agent(EXECUTOR_REGISTRATION_TIMEOUT, List.of("executor_registration_timeout"),
                duration(EXECUTOR_REGISTRATION_TIMEOUT, REGISTRATION_MIN, REGISTRATION_MAX),
                "10secs to 60mins, e.g. 5mins", "5mins",
                "how long an executor may take to register; raise it for large images pulled on first launch",
                "MESOS_EXECUTOR_REGISTRATION_TIMEOUT"));
        t.add(agent(ATTRIBUTES, List.of(), text("attribute list", MesosAttributes::problem),
                "key:value pairs separated by ';' (values: numbers, [a-b] ranges or text)", null,
                "the agents' Mesos attributes that schedulers place tasks by (e.g. zone:az1;gpu:true, Marathon's "
                        + "constraints); a node pool's labels give its own agents theirs", "MESOS_ATTRIBUTES"));
        t.add(new LabelSpec(REXRAY_PREEMPT, List.of(), bool(), "true, false", "false",
                "only with volume_driver rexray; lets an agent take over a volume still attached elsewhere",
                Landing.AGENT_FLAG, "/etc/rexray/config.yml libstorage.integration.volume.operations.mount.preempt"));
        // Masters.
        t.add(new LabelSpec(ZK_SESSION_TIMEOUT, List.of(), duration(ZK_SESSION_TIMEOUT, ZK_SESSION_MIN,
                ZK_SESSION_MAX), "1secs to 10mins", "10secs",
                "the masters' ZooKeeper session; longer rides out slow networks, shorter fails over sooner",
                Landing.MASTER_FLAG, "MESOS_ZK_SESSION_TIMEOUT"));
        t.add(new LabelSpec(MARATHON_FRAMEWORK_NAME, List.of(), text("string",
                pattern("[A-Za-z0-9][A-Za-z0-9_.-]{0,63}",
                        "must be 1 to 64 of letters, digits, '_', '.', '-', starting with a letter or digit")),
                "1 to 64 of letters, digits, '_', '.', '-', starting with a letter or digit", "marathon",
                "the name Marathon registers with Mesos, shown in the Mesos UI", Landing.MARATHON_FLAG,
                "MARATHON_FRAMEWORK_NAME"));
        t.add(new LabelSpec(MARATHON_MESOS_ROLE, List.of(), text("Mesos role",
                pattern("[A-Za-z0-9_][A-Za-z0-9_.-]{0,63}(/[A-Za-z0-9_][A-Za-z0-9_.-]{0,63}){0,7}",
                        "must be a Mesos role: segments of letters, digits, '_', '.', '-' not starting with '.' "
                                + "or '-', joined by single '/'")), "a role name, '/'-separated for a "
                + "hierarchy, e.g. apps or eng/web", null, "Marathon's resources are offered for this role; unset "
                + "uses the default role *", Landing.MARATHON_FLAG, "MARATHON_MESOS_ROLE"));
        t.add(new LabelSpec(MARATHON_TASK_LAUNCH_TIMEOUT, List.of(), integer("int (ms)", 10_000, 3_600_000),
                "10000 to 3600000", "300000",
                "milliseconds a task may stay staging before Marathon kills it; raise it with large images",
                Landing.MARATHON_FLAG, "MARATHON_TASK_LAUNCH_TIMEOUT"));
        // Install source: the public Mesosphere repositories are gone.
        t.add(new LabelSpec(REPO_URL, List.of(), text("URL", emptyOr(httpUrl())), "an http(s) APT repository URL; "
                + "empty uses the packages already in the image", "the service's [driver.mesos_ubuntu_v1] "
                + "mesos_repo_url", "serves mesos (1.11) and marathon packages; zookeeperd and docker.io come from "
                + "Ubuntu", Landing.INSTALL_SETTING, "MESOS_REPO_URL"));
        t.add(new LabelSpec(REPO_SUITE, List.of(), text("string", pattern("[a-z0-9][a-z0-9.-]{0,31}",
                "must be an APT suite name (1 to 32 of a-z, 0-9, '.', '-')")), "an APT suite such as focal",
                "the service's mesos_repo_suite, else focal", "the distribution component of the APT line",
                Landing.INSTALL_SETTING, "MESOS_REPO_SUITE"));
        t.add(new LabelSpec(REPO_KEY_URL, List.of(), text("URL", emptyOr(httpUrl())), "an http(s) URL of the "
                + "repository's signing key; empty trusts the keys in the image", "the service's mesos_repo_key_url",
                "the key is fetched once and pinned to this repository with signed-by", Landing.INSTALL_SETTING,
                "MESOS_REPO_KEY_URL"));
        // Shape.
        t.add(new LabelSpec(FIXED_SUBNET_CIDR, List.of(), text("IPv4 CIDR", ipv4Cidr()),
                "an IPv4 network, e.g. 10.0.0.0/24", "10.0.0.0/24", "the private subnet Magnetar creates",
                Landing.HEAT_PARAMETER, "fixed_subnet_cidr"));
        t.add(new LabelSpec(API_ALLOWED_CIDR, List.of(), text("IPv4 CIDR", ipv4Cidr()), "an IPv4 network",
                "0.0.0.0/0", "who may reach Marathon (8080) and the Mesos master (5050); neither authenticates, "
                + "so narrow it", Landing.HEAT_PARAMETER, "api_allowed_cidr"));
        // Refused keys.
        rejected(t, "isolation", "the dcos_centos_v1 spelling, which adds to DC/OS's isolators; this driver "
                + "replaces the list: use mesos_slave_isolation");
        rejected(t, "image_providers", "the dcos_centos_v1 spelling; use mesos_slave_image_providers");
        rejected(t, "executor_environment_variables", "the dcos_centos_v1 spelling; use "
                + "mesos_slave_executor_env_variables");
        rejected(t, "mesos_slave_executor_env_file", "a python-magnumclient pseudo-label: the client reads the "
                + "file and sends its contents as mesos_slave_executor_env_variables");
        for (String key : List.of("mesos_slave_master", "mesos_slave_ip", "mesos_slave_hostname",
                "mesos_master_zk", "mesos_master_quorum", "mesos_master_ip", "mesos_master_hostname")) {
            rejected(t, key, "Magnetar sets it from the stack's addresses and master_count");
        }
        rejected(t, "mesos_master_cluster", "taken from the cluster's name");
        return List.copyOf(t);
    }

    private static LabelSpec agent(String name, List<String> aliases, LabelType type, String allowed,
                                   String defaultValue, String rule, String target) {
        return new LabelSpec(name, aliases, type, allowed, defaultValue, rule, Landing.AGENT_FLAG, target);
    }

    /** A Mesos duration within bounds, judged by the shared Mesos flag reader. */
    private static LabelType duration(String name, Duration min, Duration max) {
        return mesosDuration(agentFlag((r, v) -> r.duration(name, v, min, max)));
    }

    private static void rejected(List<LabelSpec> table, String name, String reason) {
        table.add(LabelSpec.refused(name, reason, Landing.REJECTED));
    }

    /** A check through the shared Mesos flag reader: every violation it finds, in one sentence. */
    private static ValueCheck agentFlag(BiConsumer<AgentFlagReader, String> read) {
        return value -> {
            AgentFlagReader reader = new AgentFlagReader(IsolatorCatalog.MESOS_1_11);
            read.accept(reader, value);
            List<FlagViolation> violations = reader.violations();
            return violations.stream().map(v -> v.value().equals(value) ? v.rule() : "'" + v.value() + "' " + v.rule())
                    .reduce((a, b) -> a + "; " + b);
        };
    }
}
