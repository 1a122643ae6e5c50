package dev.magnetar.driver.dcos;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.magnetar.core.driver.ClientAttachment;
import dev.magnetar.core.driver.ClusterMonitor;
import dev.magnetar.core.driver.ClusterObservation;
import dev.magnetar.core.driver.DeploymentContext;
import dev.magnetar.core.driver.DriverDescriptor;
import dev.magnetar.core.driver.DriverKey;
import dev.magnetar.core.driver.DriverPolicy;
import dev.magnetar.core.driver.DriverSettings;
import dev.magnetar.core.model.Cluster;
import dev.magnetar.core.model.NodeGroup;
import dev.magnetar.core.model.NodeGroups;
import dev.magnetar.core.model.ClusterStatus;
import dev.magnetar.core.model.ClusterTemplate;
import dev.magnetar.core.port.Stack;
import dev.magnetar.core.port.StackResource;
import dev.magnetar.core.port.StackSpec;
import dev.magnetar.core.driver.NodeStep;
import dev.magnetar.driver.dcos.labels.DcosRelease;
import dev.magnetar.driver.dcos.upgrade.UpgradePlan;
import dev.magnetar.driver.dcos.upgrade.UpgradeRules;
import dev.magnetar.driver.dcos.upgrade.UpgradeSteps;
import dev.magnetar.driver.dcos.config.DcosConfig;
import dev.magnetar.driver.dcos.config.DcosConfigRules;
import dev.magnetar.driver.dcos.config.NodeFiles;
import dev.magnetar.driver.dcos.heat.DcosPools;
import dev.magnetar.driver.dcos.heat.DcosStackRenderer;
import dev.magnetar.driver.dcos.labels.DcosLabelRules;
import dev.magnetar.driver.dcos.labels.DcosLabelSchema;
import dev.magnetar.driver.dcos.labels.DcosLabels;
import dev.magnetar.driver.dcos.labels.DcosValueChecks;
import dev.magnetar.driver.dcos.labels.MasterCounts;
import dev.magnetar.driver.dcos.labels.SpartanAddresses;
import dev.magnetar.driver.dcos.monitor.DcosMonitor;
import dev.magnetar.driver.kit.driver.SchemaDriver;
import dev.magnetar.driver.kit.http.MonitorHttpClient;
import dev.magnetar.driver.kit.labels.Labels;
import dev.magnetar.driver.kit.labels.ParsedLabels;
import dev.magnetar.driver.kit.labels.ValueChecks;
import dev.magnetar.driver.kit.stack.AgentScaling;
import dev.magnetar.driver.kit.stack.StackParameters;
import dev.magnetar.driver.kit.stack.NodePoolStack;

import java.time.InstantSource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The Open DC/OS driver {@code dcos_centos_v1}: DC/OS 2.2 with Mesos 1.11 agents on CentOS VMs,
 * installed the advanced way (a bootstrap server runs {@code --genconf} once and serves the
 * install files). Validation answers every broken rule in one 400, each naming the label, the
 * value and what is allowed.
 */
public final class DcosDriver extends SchemaDriver {

    public static final String NAME = "dcos_centos_v1";
    /** DriverSettings keys ({@code [driver.dcos_centos_v1]}). */
    public static final String SETTING_INSTALLER_URL = "dcos_installer_url";
    public static final String SETTING_DOCKER_REPO_URL = "docker_repo_url";
    public static final String SETTING_DOCKER_PACKAGE = "docker_package";

    static final DriverDescriptor DESCRIPTOR = new DriverDescriptor(NAME, "1.0.0",
            List.of(new DriverKey("vm", "centos", "dcos")), false,
            "Open DC/OS 2.2 (Mesos 1.11) on CentOS VMs, with validated agent-flag and config.yaml labels");
    static final DriverPolicy POLICY = new DriverPolicy(Set.of("docker", "dcos-overlay", "calico"), "docker",
            Set.of("rexray"));
    static final AgentScaling SCALING = new AgentScaling(
            "DC/OS fixes its masters at install (num_masters, Exhibitor ensemble)", "a private agent");

    /** The default group of public agents that {@code dcos_public_agent_count} asks for. */
    public static final String DEFAULT_PUBLIC_AGENTS = "default-public-agent";
    static final Set<String> POOL_ROLES = Set.of(DcosPools.AGENT, NodeGroup.WORKER_ROLE, DcosPools.PUBLIC_AGENT);
    /** The labels a node group may set for its own agents; the others are the cluster's. */
    static final List<String> PER_POOL_LABELS = List.of(DcosLabelSchema.DCOS_MESOS_ATTRIBUTES, DcosLabelSchema.ISOLATION,
            DcosLabelSchema.LAUNCHER, DcosLabelSchema.IMAGE_PROVIDERS, DcosLabelSchema.EXECUTOR_ENVIRONMENT_VARIABLES);

    /** Each label set read once, shared by validation, rendering, the monitor account decision and the monitor. */
    private final ParsedLabels<DcosLabels> parsed;
    /** Built on first use: its HTTP client is only worth its threads where clusters are monitored. */
    private volatile DcosMonitor monitor;

    public DcosDriver(DriverSettings settings) {
        this(settings, new ParsedLabels<>(DcosLabels::read));
    }

    /** @param parsed where the driver keeps each label set it read */
    DcosDriver(DriverSettings settings, ParsedLabels<DcosLabels> parsed) {
        super(DESCRIPTOR, POLICY, DcosLabelSchema.SCHEMA, SCALING, settings);
        this.parsed = parsed;
    }

    @Override
    public void validateTemplate(ClusterTemplate template) {
        throwIfAny(labelViolations(parsed.of(template.labels()), template, template.masterLbEnabled()));
    }

    @Override
    public void validateCluster(ClusterTemplate template, Cluster cluster) {
        DcosLabels labels = parsed.of(cluster.spec().labels());
        validateRequest(template, cluster, labels);
        checkedConfig(template, cluster, labels, DeploymentContext.local(settings));
    }

    private void validateRequest(ClusterTemplate template, Cluster cluster, DcosLabels labels) {
        boolean masterLb = masterLb(template, cluster);
        List<String> violations = new ArrayList<>(labelViolations(labels, template, masterLb));
        if (!MasterCounts.allowed(cluster.spec().masterCount())) {
            violations.add("master_count " + cluster.spec().masterCount() + " is not allowed: DC/OS needs "
                    + MasterCounts.inWords() + " masters (a ZooKeeper quorum), and masters cannot be scaled after "
                    + "create");
        }
        if (cluster.spec().nodeCount() < 0) {
            violations.add("node_count " + cluster.spec().nodeCount() + " is not allowed: it must be 0 or more");
        }
        throwIfAny(violations);
    }

    /** The config tree, refused if it breaks a DC/OS 2.2 rule: checked before any stack exists. */
    private ObjectNode checkedConfig(ClusterTemplate template, Cluster cluster, DcosLabels labels,
                                     DeploymentContext context) {
        ObjectNode tree = DcosConfig.tree(template, cluster, labels.labels(), context, masterLb(template, cluster));
        throwIfAny(DcosConfigRules.check(tree, cluster.spec().masterCount()).stream()
                .map(p -> "rendered config.yaml breaks a DC/OS 2.2 rule: " + p).toList());
        return tree;
    }

    @Override
    public StackSpec stackSpec(ClusterTemplate template, Cluster cluster, DeploymentContext context) {
        Rendering r = render(template, cluster, context);
        return DcosStackRenderer.spec(r.parameters(), cluster.spec().nodeGroups());
    }

    /** The installer a cluster's nodes take: its label, else the service's setting, else the image's. */
    private String installerUrl(Labels labels, DeploymentContext context) {
        return labels.given(DcosLabelSchema.DCOS_INSTALLER_URL)
                .orElse(context.setting(SETTING_INSTALLER_URL, settings.get(SETTING_INSTALLER_URL, "")));
    }

    /**
     * DC/OS upgrades in place (docs/dcos-driver.md#upgrading-dcos): the new template must name a
     * release DC/OS can reach from the installed one and its installer, and must render the same
     * config.yaml keys, agent flags and servers, so that only the release changes.
     */
    @Override
    public void validateUpgrade(ClusterTemplate from, Cluster current, ClusterTemplate to, Cluster upgraded) {
        validateCluster(to, upgraded);
        DeploymentContext context = DeploymentContext.local(settings);
        Labels before = parsed.of(current.spec().labels()).labels();
        Labels after = parsed.of(upgraded.spec().labels()).labels();
        List<String> violations = new ArrayList<>();
        // Asked again after a failed upgrade, the cluster's labels already name the target: only DC/OS's own word
        // says what its nodes were installed with.
        boolean retry = current.status() == ClusterStatus.UPDATE_FAILED;
        Optional<DcosRelease> installed = retry
                ? DcosRelease.parse(current.observed().coeVersion()).filter(DcosRelease::isKnown)
                : installedRelease(current, before);
        Optional<DcosRelease> target = after.given(DcosLabelSchema.DCOS_RELEASE).flatMap(DcosRelease::parse);
        if (installed.isEmpty() && retry) {
            violations.add("the installed DC/OS release of cluster " + current.name() + " is unknown: DC/OS never "
                    + "reported one (coe_version is empty), so the failed upgrade cannot be asked for again; "
                    + "delete the cluster");
        } else if (installed.isEmpty()) {
            violations.add("the installed DC/OS release of cluster " + current.name() + " is unknown: its "
                    + "coe_version is '" + current.observed().coeVersion() + "' and cluster_template " + from.name()
                    + " has no dcos_release label; an upgrade starts from a known release");
        }
        if (target.isEmpty()) {
            violations.add("cluster_template " + to.name() + " has no dcos_release label: an upgrade needs to know "
                    + "which DC/OS release its dcos_installer_url installs (" + DcosLabelSchema.DCOS_RELEASE
                    + ", e.g. 2.2.1)");
        }
        if (installed.isPresent() && target.isPresent()) {
            UpgradeRules.release(installed.get(), target.get(), to.name()).ifPresent(violations::add);
        }
        String oldInstaller = installerUrl(before, context);
        String newInstaller = installerUrl(after, context);
        if (newInstaller.isEmpty()) {
            violations.add("dcos_installer_url of cluster_template " + to.name() + " is empty: an upgrade fetches "
                    + "the new release's installer, the one in the image installed the cluster");
        } else if (newInstaller.equals(oldInstaller) && target.isPresent()
                && !target.equals(installed) && !retry) {
            // (An upgrade asked for again after it failed: the cluster already follows the template whose
            // installer it did not finish, so the same installer is the point.)
            violations.add("dcos_installer_url '" + newInstaller + "' is the installer the cluster was installed "
                    + "from; cluster_template " + to.name() + " must name the DC/OS " + target.get() + " installer");
        } else if (newInstaller.length() > UpgradePlan.MAX_METADATA_VALUE) {
            violations.add("dcos_installer_url is " + newInstaller.length() + " characters long: the bootstrap "
                    + "server reads it from its server metadata, whose values hold at most "
                    + UpgradePlan.MAX_METADATA_VALUE);
        }
        Rendering was = render(from, current, context);
        Rendering will = render(to, upgraded, context);
        violations.addAll(UpgradeRules.config(
                DcosConfig.tree(from, current, before, context, masterLb(from, current)),
                DcosConfig.tree(to, upgraded, after, context, masterLb(to, upgraded))));
        if (!was.agentFlags().equals(will.agentFlags())) {
            violations.add("the agent flags (mesos-slave-common) would change, which is not allowed in an "
                    + "upgrade: the agents keep the flags they were installed with; change them with a new "
                    + "cluster");
        }
        violations.addAll(UpgradeRules.nodeSettings(was.nodeSettings(), will.nodeSettings(), "DCOS_INSTALLER_URL"));
        violations.addAll(UpgradeRules.stack(was.parameters(), will.parameters()));
        throwIfAny(violations);
    }

    /**
     * What DC/OS reports (the cluster's coe_version, when it is a DC/OS release), else what its template
     * says it installed.
     */
    private static Optional<DcosRelease> installedRelease(Cluster cluster, Labels labels) {
        return DcosRelease.parse(cluster.observed().coeVersion()).filter(DcosRelease::isKnown)
                .or(() -> labels.given(DcosLabelSchema.DCOS_RELEASE).flatMap(DcosRelease::parse));
    }

    @Override
    public StackSpec upgradeSpec(ClusterTemplate from, ClusterTemplate to, Cluster cluster, int maxBatchSize,
                                 Stack current, DeploymentContext context) {
        Rendering r = render(to, cluster, context);
        Labels labels = parsed.of(cluster.spec().labels()).labels();
        DcosRelease target = labels.given(DcosLabelSchema.DCOS_RELEASE).flatMap(DcosRelease::parse)
                .orElseThrow(() -> new IllegalStateException("upgrade of cluster " + cluster.uuid()
                        + " without a dcos_release: validateUpgrade refuses that"));
        // DC/OS's own word, else the previous upgrade's release, else what the old template installed.
        String installed = DcosRelease.parse(cluster.observed().coeVersion()).filter(DcosRelease::isKnown)
                .or(() -> DcosRelease.parse(String.valueOf(current.parameters().get(UpgradePlan.RELEASE))))
                .or(() -> from == null ? Optional.empty()
                        : DcosRelease.parse(from.labels().get(DcosLabelSchema.DCOS_RELEASE)))
                .map(DcosRelease::toString).orElse("");
        Map<String, Object> parameters = new LinkedHashMap<>(r.parameters());
        parameters.putAll(new UpgradePlan(target.toString(), installed, installerUrl(labels, context), maxBatchSize,
                UpgradePlan.nextSlot(current.parameters().get(UpgradePlan.SLOT))).parameters());
        // The pools stay in the stack (their agents upgrade with the cluster's): without their resource groups
        // the update would delete them, and their parameters would be unknown to the template.
        return DcosStackRenderer.spec(parameters, cluster.spec().nodeGroups());
    }

    @Override
    public List<NodeStep> nodeSteps(ClusterTemplate template, Cluster cluster, List<StackResource> resources) {
        Optional<DcosRelease> target = parsed.of(cluster.spec().labels()).labels().given(DcosLabelSchema.DCOS_RELEASE)
                .flatMap(DcosRelease::parse);
        if (target.isEmpty() || target.equals(DcosRelease.parse(cluster.observed().coeVersion()))) {
            return List.of(); // no upgrade under way: the cluster reports the release it follows
        }
        Map<String, String> pools = new LinkedHashMap<>();
        cluster.spec().nodeGroups().forEach(g -> pools.put(NodePoolStack.id(g), g.name()));
        return UpgradeSteps.of(resources, target.get().toString(), pools);
    }

    @Override
    public ClusterObservation observe(ClusterTemplate template, Cluster cluster, Stack stack) {
        return DcosOutputs.observe(stack, cluster.spec().nodeGroups());
    }

    /** Private agents ({@code agent}, or {@code worker}, the role Magnum's clients send by default) and public ones. */
    @Override
    public Set<String> nodeGroupRoles() {
        return POOL_ROLES;
    }

    /** Public agents asked for with {@code dcos_public_agent_count}, as templates did before node groups. */
    @Override
    public List<NodeGroup> impliedNodeGroups(ClusterTemplate template, Cluster cluster) {
        int publicAgents = publicAgentCount(parsed.of(cluster.spec().labels()).labels());
        if (publicAgents == 0) {
            return List.of();
        }
        return List.of(NodeGroups.defaultView(cluster, template, DEFAULT_PUBLIC_AGENTS, DcosPools.PUBLIC_AGENT,
                publicAgents, 0, cluster.spec().flavorId()));
    }

    /**
     * A pool's labels may differ from its cluster's only in the agents' own settings (the agent-flag labels and
     * {@code dcos_mesos_attributes}): the rest is the cluster's DC/OS, one for all its nodes. The pool's labels
     * are judged as the cluster's are, its isolators by Mesos 1.11's cross-flag rules.
     */
    @Override
    public void validateNodeGroup(ClusterTemplate template, Cluster cluster, NodeGroup group) {
        List<String> violations = new ArrayList<>(NodePoolStack.shapeViolations(cluster.spec().labels(), group,
                PER_POOL_LABELS, DcosDriver::perPool));
        DcosLabels labels = parsed.of(poolLabels(group));
        violations.addAll(labels.violations());
        violations.addAll(labels.agentFlags().violations());
        throwIfAny(violations);
    }

    /**
     * A pool's labels as its agents get them: on public agents {@code dcos_mesos_attributes} keeps
     * {@code public_ip:true}, which DC/OS sets for them in its own file that the agent flags file overrides.
     */
    static Map<String, String> poolLabels(NodeGroup group) {
        String attributes = group.labels().get(DcosLabelSchema.DCOS_MESOS_ATTRIBUTES);
        if (attributes == null || !DcosPools.isPublic(group) || attributes.startsWith("public_ip:")
                || attributes.contains(";public_ip:")) {
            return group.labels();
        }
        Map<String, String> labels = new LinkedHashMap<>(group.labels());
        labels.put(DcosLabelSchema.DCOS_MESOS_ATTRIBUTES, "public_ip:true;" + attributes);
        return labels;
    }

    private static boolean perPool(String label) {
        return DcosLabelSchema.SCHEMA.find(label).map(spec -> PER_POOL_LABELS.contains(spec.name())).orElse(false);
    }

    private static int publicAgentCount(Labels labels) {
        return Integer.parseInt(labels.effective(DcosLabelSchema.DCOS_PUBLIC_AGENT_COUNT).orElseThrow());
    }

    /** One {@link DcosMonitor} for every cluster of this driver. */
    @Override
    public Optional<ClusterMonitor> monitor() {
        DcosMonitor current = monitor;
        if (current == null) {
            synchronized (this) {
                current = monitor;
                if (current == null) {
                    current = new DcosMonitor(MonitorHttpClient::create, InstantSource.system(), parsed);
                    monitor = current;
                }
            }
        }
        return Optional.of(current);
    }

    /**
     * With {@code oauth_enabled} (DC/OS's default), Admin Router answers only logged-in requests, so
     * the cluster is installed with Magnetar's monitoring service account.
     */
    @Override
    public boolean wantsMonitorAccount(ClusterTemplate template, Cluster cluster) {
        return parsed.of(cluster.spec().labels()).oauthEnabled();
    }

    /**
     * The package repositories: the monitor applies them through Cosmos at every poll, so a cluster
     * update of these labels needs neither a stack update nor node access.
     */
    @Override
    public Set<String> labelsChangeableInPlace() {
        return Set.of(DcosLabelSchema.DCOS_PACKAGE_REPOSITORIES, DcosLabelSchema.DCOS_PACKAGE_REPOSITORIES_KEEP_DEFAULT);
    }

    /** Admin Router's own CA, the one DC/OS Open generates at install, pinned by the monitor. */
    @Override
    public boolean servesPinnedCa() {
        return true;
    }

    @Override
    public Optional<ClientAttachment> attachment(ClusterTemplate template, Cluster cluster, Optional<String> pinnedCa) {
        return Optional.of(DcosAttachment.of(cluster, parsed.of(cluster.spec().labels()).oauthEnabled(), pinnedCa));
    }

    @Override
    public Map<String, Map<String, String>> nodeFiles(ClusterTemplate template, Cluster cluster,
                                                      DeploymentContext context) {
        Rendering r = render(template, cluster, context);
        Map<String, Map<String, String>> roles = new LinkedHashMap<>();
        for (String role : List.of("bootstrap", "master", "agent", "public_agent")) {
            Map<String, String> files = new LinkedHashMap<>();
            files.put("config.yaml", r.configYaml());
            files.put(NodeFiles.IP_DETECT, NodeFiles.ipDetect());
            files.put(NodeFiles.IP_DETECT_PUBLIC, NodeFiles.ipDetectPublic());
            if (role.endsWith("agent")) {
                files.put(NodeFiles.AGENT_FLAGS, r.agentFlags());
            }
            roles.put(role, files);
        }
        return roles;
    }

    /** Everything rendered for one cluster; refuses a config.yaml that breaks DC/OS 2.2's rules. */
    Rendering render(ClusterTemplate template, Cluster cluster, DeploymentContext context) {
        DcosLabels read = parsed.of(cluster.spec().labels());
        validateRequest(template, cluster, read);
        boolean masterLb = masterLb(template, cluster);
        Labels labels = read.labels();
        ObjectNode tree = checkedConfig(template, cluster, read, context);
        String configYaml = DcosConfig.render(tree);
        String agentFlags = NodeFiles.agentFlags(read.agentFlags());
        String installer = installerUrl(labels, context);
        String nodeSettings = DcosStackRenderer.nodeSettings(installer, masterLb, cluster.spec().createTimeout(),
                context.setting(SETTING_DOCKER_REPO_URL, settings.get(SETTING_DOCKER_REPO_URL,
                        "https://download.docker.com/linux/centos/docker-ce.repo")),
                context.setting(SETTING_DOCKER_PACKAGE, settings.get(SETTING_DOCKER_PACKAGE, "docker-ce-19.03.15")),
                labels.given(DcosLabelSchema.DCOS_LOCAL_UNIVERSE_URL).map(repository -> new DcosStackRenderer.LocalUniverse(
                        repository, labels.given(DcosLabelSchema.DCOS_LOCAL_UNIVERSE_ARTIFACTS_URL).orElse(null)))
                        .orElse(null));
        Map<String, Object> parameters = DcosStackRenderer.parameters(template, cluster, masterLb,
                floatingIp(template, cluster), publicAgentCount(labels),
                labels.effective(DcosLabelSchema.FIXED_SUBNET_CIDR).orElseThrow(),
                new DcosStackRenderer.RenderedFiles(configYaml, agentFlags, nodeSettings));
        DcosStackRenderer.addPools(parameters, template, cluster.spec().nodeGroups(), this::poolAgentFlags);
        return new Rendering(configYaml, agentFlags, nodeSettings, parameters);
    }

    /** A pool's {@code /var/lib/dcos/mesos-slave-common}, from its labels; refused as a create would be. */
    private String poolAgentFlags(NodeGroup group) {
        DcosLabels labels = parsed.of(poolLabels(group));
        throwIfAny(labels.agentFlags().violations());
        return NodeFiles.agentFlags(labels.agentFlags());
    }

    record Rendering(String configYaml, String agentFlags, String nodeSettings, Map<String, Object> parameters) {
    }

    private static List<String> labelViolations(DcosLabels labels, ClusterTemplate template, boolean masterLb) {
        List<String> violations = new ArrayList<>(labels.violations());
        violations.addAll(DcosLabelRules.check(labels.labels(), masterLb, template.networkDriver(),
                template.volumeDriver()));
        violations.addAll(labels.agentFlags().violations());
        violations.addAll(templateFieldViolations(template));
        return violations;
    }

    private static List<String> templateFieldViolations(ClusterTemplate template) {
        List<String> violations = new ArrayList<>();
        for (String resolver : StackParameters.nameservers(template)) {
            if (!ValueChecks.IPV4.matcher(resolver).matches()) {
                violations.add("dns_nameserver '" + resolver + "' is not allowed: DC/OS resolvers must be IPv4 "
                        + "addresses");
            } else if (resolver.startsWith(SpartanAddresses.NETWORK)) {
                violations.add("dns_nameserver '" + resolver + "' is not allowed: " + SpartanAddresses.inWords()
                        + " are DC/OS's internal Spartan addresses, refused by DC/OS 2.2 as resolvers");
            }
        }
        boolean http = template.httpProxy() != null && !template.httpProxy().isEmpty();
        boolean https = template.httpsProxy() != null && !template.httpsProxy().isEmpty();
        if (http != https) {
            // config.yaml's use_proxy takes both (DcosConfig writes it only then); one alone would
            // leave the nodes without any proxy, silently.
            violations.add("http_proxy and https_proxy must be given together for the DC/OS driver: DC/OS uses a "
                    + "proxy (use_proxy) only with both; " + (http ? "https_proxy" : "http_proxy") + " is missing");
        }
        for (String[] field : new String[][]{{"http_proxy", template.httpProxy()},
                {"https_proxy", template.httpsProxy()}}) {
            if (field[1] != null && !field[1].isEmpty()) {
                DcosValueChecks.httpUrl().problem(field[1]).ifPresent(p -> violations.add(field[0] + " '" + field[1]
                        + "' is not allowed: " + p));
            }
        }
        return violations;
    }
}
