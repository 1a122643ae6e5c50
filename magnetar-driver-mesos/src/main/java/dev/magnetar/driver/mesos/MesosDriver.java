package dev.magnetar.driver.mesos;

import dev.magnetar.core.driver.ClusterMonitor;
import dev.magnetar.core.driver.ClusterObservation;
import dev.magnetar.core.driver.DeploymentContext;
import dev.magnetar.core.driver.DriverDescriptor;
import dev.magnetar.core.driver.DriverKey;
import dev.magnetar.core.driver.DriverPolicy;
import dev.magnetar.core.driver.DriverSettings;
import dev.magnetar.core.model.Cluster;
import dev.magnetar.core.model.ClusterTemplate;
import dev.magnetar.core.model.NodeGroup;
import dev.magnetar.core.port.Stack;
import dev.magnetar.core.port.StackSpec;
import dev.magnetar.driver.kit.driver.SchemaDriver;
import dev.magnetar.driver.kit.labels.LabelReading;
import dev.magnetar.driver.kit.labels.Labels;
import dev.magnetar.driver.kit.labels.ParsedLabels;
import dev.magnetar.driver.kit.stack.AgentScaling;
import dev.magnetar.driver.kit.stack.NodePoolStack;
import dev.magnetar.driver.mesos.heat.MesosPools;
import dev.magnetar.driver.mesos.heat.MesosStackRenderer;
import dev.magnetar.driver.mesos.labels.MesosLabelRules;
import dev.magnetar.driver.mesos.labels.MesosLabelSchema;
import dev.magnetar.driver.mesos.monitor.MesosMonitor;
import dev.magnetar.driver.mesos.node.MesosAgentFlags;
import dev.magnetar.driver.mesos.node.NodeFiles;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The Mesos driver {@code mesos_ubuntu_v1}, kept beside DC/OS for operators who run plain Mesos
 * and Marathon and for the way to DC/OS: Apache Mesos 1.11 masters (ZooKeeper, Mesos master,
 * Marathon) and agents on Ubuntu VMs. It takes Magnum's labels with Mesos 1.11's full rules and
 * answers every broken rule in one 400, each naming the label, the value and what is allowed.
 */
public final class MesosDriver extends SchemaDriver {

    public static final String NAME = "mesos_ubuntu_v1";
    /** DriverSettings keys ({@code [driver.mesos_ubuntu_v1]}): the default package source. */
    public static final String SETTING_REPO_URL = "mesos_repo_url";
    public static final String SETTING_REPO_SUITE = "mesos_repo_suite";
    public static final String SETTING_REPO_KEY_URL = "mesos_repo_key_url";
    public static final String DEFAULT_REPO_SUITE = "focal";

    /** Magnum's rule: a ZooKeeper ensemble of 1, 3 or 5, and a load balancer for more than one. */
    public static final Set<Integer> MASTER_COUNTS = Set.of(1, 3, 5);

    static final DriverDescriptor DESCRIPTOR = new DriverDescriptor(NAME, "1.0.0",
            List.of(new DriverKey("vm", "ubuntu", "mesos")), true,
            "Legacy path: Apache Mesos 1.11 with Marathon on Ubuntu VMs, kept for existing clusters; "
                    + "new clusters should use dcos_centos_v1 (Open DC/OS 2.2, the same Mesos agents)");
    static final DriverPolicy POLICY = new DriverPolicy(Set.of("docker"), "docker", Set.of("rexray"));
    static final AgentScaling SCALING = new AgentScaling(
            "the ZooKeeper ensemble and Mesos quorum are fixed at create", "an agent");

    /** Roles a user may give a pool: {@code agent}, or {@code worker}, the role Magnum's clients send by default. */
    static final Set<String> POOL_ROLES = Set.of(MesosPools.AGENT, NodeGroup.WORKER_ROLE);
    /** The labels a node pool may set for its own agents; the others are the cluster's. */
    static final List<String> PER_POOL_LABELS = List.of(MesosLabelSchema.ATTRIBUTES, MesosLabelSchema.ISOLATION,
            MesosLabelSchema.LAUNCHER, MesosLabelSchema.IMAGE_PROVIDERS, MesosLabelSchema.EXECUTOR_ENV);

    /** Each label set read once, shared by validation and rendering. */
    private final ParsedLabels<LabelReading> parsed = new ParsedLabels<>(MesosLabelSchema::read);
    /** Made on first use: its HTTP client is only worth having where clusters are monitored. */
    private ClusterMonitor monitor;

    public MesosDriver(DriverSettings settings) {
        super(DESCRIPTOR, POLICY, MesosLabelSchema.SCHEMA, SCALING, settings);
    }

    @Override
    public void validateTemplate(ClusterTemplate template) {
        throwIfAny(labelViolations(parsed.of(template.labels()), template,
                DeploymentContext.local(settings)));
    }

    @Override
    public void validateCluster(ClusterTemplate template, Cluster cluster) {
        validate(template, cluster, parsed.of(cluster.spec().labels()), DeploymentContext.local(settings));
    }

    private void validate(ClusterTemplate template, Cluster cluster, LabelReading reading,
                          DeploymentContext context) {
        List<String> violations = new ArrayList<>(labelViolations(reading, template, context));
        if (!MASTER_COUNTS.contains(cluster.spec().masterCount())) {
            violations.add("master_count " + cluster.spec().masterCount() + " is not allowed: Mesos masters form a "
                    + "ZooKeeper ensemble and replicated log of 1, 3 or 5, fixed at create");
        } else if (cluster.spec().masterCount() > 1 && !masterLb(template, cluster)) {
            violations.add("master_count must be 1 when master_lb_enabled is False");
        }
        if (cluster.spec().nodeCount() < 0) {
            violations.add("node_count " + cluster.spec().nodeCount() + " is not allowed: it must be 0 or more");
        }
        if (clusterName(cluster).chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            violations.add("name '" + clusterName(cluster).replaceAll("\\p{Cntrl}", "?") + "' is not allowed: "
                    + "it becomes the Mesos cluster name and must not contain control characters");
        }
        throwIfAny(violations);
    }

    @Override
    public StackSpec stackSpec(ClusterTemplate template, Cluster cluster, DeploymentContext context) {
        return MesosStackRenderer.spec(render(template, cluster, context).parameters(), cluster.spec().nodeGroups());
    }

    @Override
    public ClusterObservation observe(ClusterTemplate template, Cluster cluster, Stack stack) {
        return MesosOutputs.observe(stack, cluster.spec().nodeGroups());
    }

    /** Mesos agents, each pool a resource group of them in the cluster's stack. */
    @Override
    public Set<String> nodeGroupRoles() {
        return POOL_ROLES;
    }

    /**
     * A pool's labels may differ from its cluster's only in its agents' own flags ({@link #PER_POOL_LABELS}):
     * the rest (masters, Marathon, install source, containerizers, REX-Ray) is one for the whole cluster. The
     * pool's labels are judged as the cluster's are, its agent flags by Mesos 1.11's cross-flag rules and its
     * attributes by Mesos' attribute parser.
     */
    @Override
    public void validateNodeGroup(ClusterTemplate template, Cluster cluster, NodeGroup group) {
        List<String> violations = new ArrayList<>(NodePoolStack.shapeViolations(cluster.spec().labels(), group,
                PER_POOL_LABELS, MesosDriver::perPool));
        violations.addAll(labelViolations(parsed.of(group.labels()), template, DeploymentContext.local(settings)));
        throwIfAny(violations);
    }

    private static boolean perPool(String label) {
        return MesosLabelSchema.SCHEMA.find(label).map(spec -> PER_POOL_LABELS.contains(spec.name())).orElse(false);
    }

    /** A pool's agent environment file, from its labels; refused as a create would be. */
    private String poolAgentEnv(ClusterTemplate template, NodeGroup group, DeploymentContext context) {
        LabelReading reading = parsed.of(group.labels());
        throwIfAny(labelViolations(reading, template, context));
        return NodeFiles.agentEnv(MesosAgentFlags.from(reading.labels()));
    }

    @Override
    public synchronized Optional<ClusterMonitor> monitor() {
        if (monitor == null) {
            monitor = new MesosMonitor();
        }
        return Optional.of(monitor);
    }

    @Override
    public Map<String, Map<String, String>> nodeFiles(ClusterTemplate template, Cluster cluster,
                                                      DeploymentContext context) {
        Rendering r = render(template, cluster, context);
        Map<String, String> master = new LinkedHashMap<>();
        master.put(NodeFiles.NODE_SETTINGS, r.files().nodeSettings());
        master.put(NodeFiles.MASTER_ENV, r.files().masterEnv());
        master.put(NodeFiles.MARATHON_ENV, r.files().marathonEnv());
        Map<String, String> agent = new LinkedHashMap<>();
        agent.put(NodeFiles.NODE_SETTINGS, r.files().nodeSettings());
        agent.put(NodeFiles.AGENT_ENV, r.files().agentEnv());
        if (r.rexray()) {
            agent.put(NodeFiles.REXRAY_CONFIG, NodeFiles.rexrayConfig(r.labels().flag(MesosLabelSchema.REXRAY_PREEMPT),
                    context, true));
        }
        return Map.of("master", master, "agent", agent);
    }

    /** Everything rendered for one cluster, after the same checks as {@link #validateCluster}. */
    Rendering render(ClusterTemplate template, Cluster cluster, DeploymentContext context) {
        LabelReading reading = parsed.of(cluster.spec().labels());
        validate(template, cluster, reading, context);
        Labels labels = reading.labels();
        boolean rexray = "rexray".equals(template.volumeDriver());
        NodeFiles.InstallSource source = installSource(labels, context);
        String nodeSettings = NodeFiles.nodeSettings(source, NodeFiles.Proxies.of(template.httpProxy(),
                template.httpsProxy(), template.noProxy()), rexray, cluster.spec().createTimeout());
        MesosStackRenderer.RenderedFiles files = new MesosStackRenderer.RenderedFiles(nodeSettings,
                NodeFiles.masterEnv(clusterName(cluster), cluster.spec().masterCount(), labels), NodeFiles.marathonEnv(labels),
                NodeFiles.agentEnv(MesosAgentFlags.from(labels)),
                rexray ? NodeFiles.rexrayConfig(labels.flag(MesosLabelSchema.REXRAY_PREEMPT), context, false) : "");
        MesosStackRenderer.Shape shape = new MesosStackRenderer.Shape(masterLb(template, cluster),
                floatingIp(template, cluster),
                labels.givenOr(MesosLabelSchema.FIXED_SUBNET_CIDR, "10.0.0.0/24"),
                labels.givenOr(MesosLabelSchema.API_ALLOWED_CIDR, "0.0.0.0/0"));
        Map<String, Object> parameters = MesosStackRenderer.parameters(template, cluster, shape, files);
        MesosStackRenderer.addPools(parameters, cluster.spec().nodeGroups(),
                group -> poolAgentEnv(template, group, context));
        return new Rendering(labels, rexray, files, parameters);
    }

    record Rendering(Labels labels, boolean rexray, MesosStackRenderer.RenderedFiles files,
                     Map<String, Object> parameters) {
    }

    private List<String> labelViolations(LabelReading reading, ClusterTemplate template,
                                         DeploymentContext context) {
        List<String> violations = new ArrayList<>(reading.violations());
        MesosAgentFlags agent = MesosAgentFlags.from(reading.labels());
        violations.addAll(agent.violations());
        violations.addAll(MesosLabelRules.check(reading.labels(), template,
                installSource(reading.labels(), context).repoUrl(), agent.dockerVolumes()));
        return violations;
    }

    /** The package source: the labels, else the service's settings, else the image's own packages. */
    private NodeFiles.InstallSource installSource(Labels labels, DeploymentContext context) {
        return new NodeFiles.InstallSource(
                labels.givenOr(MesosLabelSchema.REPO_URL, setting(context, SETTING_REPO_URL, "")),
                labels.givenOr(MesosLabelSchema.REPO_SUITE, setting(context, SETTING_REPO_SUITE, DEFAULT_REPO_SUITE)),
                labels.givenOr(MesosLabelSchema.REPO_KEY_URL, setting(context, SETTING_REPO_KEY_URL, "")));
    }

    private String setting(DeploymentContext context, String key, String fallback) {
        return context.setting(key, settings.get(key, fallback));
    }

    private static String clusterName(Cluster cluster) {
        return cluster.name() == null || cluster.name().isEmpty() ? cluster.uuid() : cluster.name();
    }
}
