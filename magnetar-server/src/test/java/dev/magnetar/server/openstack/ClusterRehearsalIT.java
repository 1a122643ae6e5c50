package dev.magnetar.server.openstack;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import dev.magnetar.core.driver.ClusterDriver;
import dev.magnetar.core.driver.ClusterDriverProvider;
import dev.magnetar.core.driver.DeploymentContext;
import dev.magnetar.core.driver.DriverSettings;
import dev.magnetar.core.model.Cluster;
import dev.magnetar.core.model.ClusterTemplate;
import dev.magnetar.core.port.Stack;
import dev.magnetar.core.port.StackCredential;
import dev.magnetar.core.port.StackRequest;
import dev.magnetar.core.port.StackSpec;
import dev.magnetar.core.port.StackUpdate;
import dev.magnetar.openstack.heat.HeatOrchestrator;
import dev.magnetar.openstack.heat.HeatSettings;
import dev.magnetar.openstack.http.OpenStackHttp;
import dev.magnetar.openstack.http.RetryPolicy;
import dev.magnetar.openstack.http.ServiceResponse;
import dev.magnetar.openstack.it.LoopbackOpenStack;
import dev.magnetar.openstack.keystone.IssuedToken;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The cluster rehearsal (docs/testing.md#cluster-rehearsal): the DC/OS driver's stack for the
 * blueprint bay is created by the real Heat on loopback (servers, ports and volumes mapped to
 * no-ops), and each node's user_data, rendered from the stack's templates as Heat renders it (the wait handles'
 * {@code curl_cli} read from Heat, the addresses a real Neutron would give taken from the hosts),
 * runs as root on its own network-namespace host. The bootstrap host runs the installer stand-in
 * the test serves, and serves genconf over HTTP; masters and agents fetch from it over the private
 * network, run ip-detect on their interface and signal Heat's wait conditions through a relay to
 * Heat's loopback API. Real: the scripts, networking, HTTP serving, ip-detect, the signals and
 * Heat. Stand-ins: the OS layer (yum, systemctl, docker ...) and DC/OS itself.
 */
@ExtendWith(LoopbackOpenStack.class)
class ClusterRehearsalIT {

    private static final String BOOTSTRAP = "10.213.0.10";
    private static final Duration NODES = Duration.ofMinutes(5);
    private static final Pattern HEAT_URL = Pattern.compile("https?://([^/:]+):(\\d+)/");
    /** A member's nested stack in a ResourceGroup: {@code <stack>-<group>-<id>-<member>-<id>}. */
    private static final Pattern MEMBER_STACK = Pattern.compile("-(agents|public_agents)-[A-Za-z0-9]+-(\\d+)-[A-Za-z0-9]+$");
    /** The blueprint's labels ({@code LoopbackCloud.blueprintTemplate}). */
    private static final Map<String, String> BLUEPRINT_LABELS = Map.of("isolation", "docker/volume", "launcher",
            "linux", "image_providers", "docker");
    private static final OpenStackHttp HTTP = new OpenStackHttp(Duration.ofSeconds(5), Duration.ofSeconds(30));

    @TempDir
    Path dir;

    @Test
    void the_blueprint_bay_is_built_by_its_node_scripts_on_hosts_that_reach_each_other() throws Exception {
        try (Rehearsal r = new Rehearsal(dir, 1, 2, 1, -1)) {
            r.bootstrapAfterMastersAsk = true;
            JsonNode stack = r.run();

            assertThat(stack.path("stack_status").asText()).as(r.diagnosis(stack)).isEqualTo("CREATE_COMPLETE");
            assertThat(r.exitByHost).as("every node script's exit status").isEqualTo(Map.of("bootstrap", 0,
                    "master-0", 0, "agent-0", 0, "agent-1", 0, "public-agent-0", 0));
            assertThat(r.signalledBeforeComplete()).as("the wait conditions Heat completed (each on its node's "
                    + "SUCCESS signal), none after the stack's CREATE_COMPLETE").containsExactlyInAnyOrder(
                    "bootstrap_wait", "master_wait", "agents/0/wait", "agents/1/wait", "public_agents/0/wait");
            assertThat(output(stack, "dcos_version")).as("the bootstrap's signal: the installer's --version")
                    .contains("2.2.0-rehearsal");
            assertThat(output(stack, "docker_version")).as("the master's signal: docker version")
                    .contains("19.03.15-rehearsal");
            assertThat(r.installerFetchedBy).as("who fetched the installer from the test").containsExactly(BOOTSTRAP);

            assertThat(r.hosts.read("bootstrap", "/opt/dcos/genconf/serve/genconf/rehearsal-genconf.txt"))
                    .as("genconf as the installer saw it on the bootstrap host")
                    .contains("bootstrap_ip_detect=" + BOOTSTRAP + "\n",
                            "bootstrap_url=http://" + BOOTSTRAP + ":8086\n",
                            "master_list: [\"" + r.masterIp(0) + "\"]");
            String served = r.hosts.read("bootstrap", "/var/log/dcos-bootstrap-http.log");
            for (String node : List.of(r.masterIp(0), r.agentIp(0), r.agentIp(1), r.publicAgentIp(0))) {
                assertThat(served).as("the bootstrap's HTTP log").containsPattern(
                        Pattern.quote(node) + " - - \\[[^]]*] \"GET /dcos_install.sh HTTP/1.1\" 200");
            }
            assertThat(r.hosts.read("master-0", "/var/lib/dcos/rehearsal-install.txt"))
                    .contains("role=master\n", "ip_detect=" + r.masterIp(0) + "\n");
            for (int i = 0; i < 2; i++) {
                assertThat(r.hosts.read("agent-" + i, "/var/lib/dcos/rehearsal-install.txt"))
                        .contains("role=slave\n", "ip_detect=" + r.agentIp(i) + "\n",
                                "ip_detect_public=" + r.agentIp(i) + "\n");
            }
            assertThat(r.hosts.read("public-agent-0", "/var/lib/dcos/rehearsal-install.txt"))
                    .as("the public agent's install: its role, and ip-detect / ip-detect-public (no metadata "
                            + "service, so its private address) on its own interface")
                    .contains("role=slave_public\n", "ip_detect=" + r.publicAgentIp(0) + "\n",
                            "ip_detect_public=" + r.publicAgentIp(0) + "\n", "agent_flags_lines=");
            assertThat(r.hosts.file("public-agent-0", "/etc/mesosphere/roles/slave_public")).exists();
            assertThat(r.hosts.file("public-agent-0", "/etc/mesosphere/roles/slave")).doesNotExist();
            assertThat(r.hosts.read("agent-0", "/var/log/rehearsal-os.log")).as("the stubbed OS layer, asked")
                    .contains("yum install -y", "modprobe overlay", "sysctl --system", "systemctl enable --now docker",
                            "docker info --format");
        }
    }

    @Test
    void a_step_failing_inside_a_function_on_an_agent_fails_the_stack_promptly_naming_that_agent() throws Exception {
        try (Rehearsal r = new Rehearsal(dir, 1, 1, 0, 0)) {
            JsonNode stack = r.run();

            assertThat(stack.path("stack_status").asText()).as(r.diagnosis(stack)).isEqualTo("CREATE_FAILED");
            assertThat(stack.path("stack_status_reason").asText())
                    .contains("agents", "DC/OS node failed while loading kernel modules and sysctls");
            assertThat(r.exits).containsExactly(0, 0, 1);
            assertThat(r.settledAfterLastScript).as("from the failing script's end to CREATE_FAILED (the wait "
                    + "condition's timeout is 10 minutes)").isLessThan(Duration.ofSeconds(60));
        }
    }

    @Test
    void three_masters_form_the_master_list_and_a_chosen_agent_is_added_then_removed() throws Exception {
        try (Rehearsal r = new Rehearsal(dir, 3, 1, 0, -1)) {
            JsonNode created = r.run();

            assertThat(created.path("stack_status").asText()).as(r.diagnosis(created)).isEqualTo("CREATE_COMPLETE");
            assertThat(r.hosts.read("bootstrap", "/opt/dcos/genconf/serve/genconf/rehearsal-genconf.txt"))
                    .contains("master_list: [\"" + r.masterIp(0) + "\",\"" + r.masterIp(1) + "\",\""
                            + r.masterIp(2) + "\"]");
            String served = r.hosts.read("bootstrap", "/var/log/dcos-bootstrap-http.log");
            for (int i = 0; i < 3; i++) {
                assertThat(served).contains(r.masterIp(i) + " - - ");
                assertThat(r.hosts.read("master-" + i, "/var/lib/dcos/rehearsal-install.txt"))
                        .contains("role=master\n", "ip_detect=" + r.masterIp(i) + "\n");
            }
            assertThat(r.agentMembers()).containsExactly("0");

            JsonNode grown = r.scale(2, List.of(), List.of(1));

            assertThat(grown.path("stack_status").asText()).as(r.diagnosis(grown)).isEqualTo("UPDATE_COMPLETE");
            assertThat(r.exits).as("the added agent's script").containsExactly(0);
            assertThat(r.agentMembers()).containsExactly("0", "1");
            assertThat(r.hosts.read("agent-1", "/var/lib/dcos/rehearsal-install.txt"))
                    .contains("role=slave\n", "ip_detect=" + r.agentIp(1) + "\n");
            assertThat(r.hosts.read("bootstrap", "/var/log/dcos-bootstrap-http.log")).contains(r.agentIp(1) + " - - ");

            JsonNode shrunk = r.scale(1, List.of(r.agentIp(0)), List.of());

            assertThat(shrunk.path("stack_status").asText()).as(r.diagnosis(shrunk)).isEqualTo("UPDATE_COMPLETE");
            assertThat(r.agentMembers()).as("the agent chosen by its address (member 0) removed, the newer one kept")
                    .containsExactly("1");
            assertThat(LoopbackCloud.stack("alpha", r.name, r.stackId).path("parameters").path("agents_to_remove")
                    .asText()).contains("0");
        }
    }

    private static String output(JsonNode stack, String key) {
        for (JsonNode output : stack.path("outputs")) {
            if (output.path("output_key").asText().equals(key)) {
                return output.path("output_value").toString();
            }
        }
        return "";
    }

    /**
     * A ResourceGroup of {@code Magnetar::DCOS::Node} members that each have their own wait handle
     * (private and public agents), with its hosts' names and addresses on the private network.
     */
    private record Group(String resource, String hostPrefix, int firstAddress) {
        static final Group AGENTS = new Group("agents", "agent-", 30);
        static final Group PUBLIC_AGENTS = new Group("public_agents", "public-agent-", 40);

        String host(int member) {
            return hostPrefix + member;
        }

        String ip(int member) {
            return "10.213.0." + (firstAddress + member);
        }
    }

    /** One stack and its hosts: bootstrap, masters, agents and public agents, and what happened to them. */
    private static final class Rehearsal implements AutoCloseable {

        final RehearsalHosts hosts;
        /** The exit statuses of the scripts of the latest run or scale, in boot order (bootstrap, masters, agents, public agents). */
        final List<Integer> exits = new ArrayList<>();
        final Map<String, Integer> exitByHost = new java.util.LinkedHashMap<>();
        final Set<String> installerFetchedBy = ConcurrentHashMap.newKeySet();
        Duration settledAfterLastScript;
        private final int masters;
        private final int agents;
        private final int publicAgents;
        private final int failingAgent;
        private final HttpServer installer;
        private final HeatOrchestrator heat = new HeatOrchestrator(LoopbackCloud.keystone(),
                HeatSettings.DEFAULT.withResourceRegistryOverrides(HeatSettings.NO_COMPUTE_NETWORK_STORAGE));
        private final StackCredential credential = LoopbackCloud.member("alpha");
        final String name = "rehearsal-" + UUID.randomUUID().toString().substring(0, 8);
        private final URI heatEndpoint;
        private final ClusterTemplate template;
        private final ClusterDriver driver;
        private final DeploymentContext context;
        private Cluster cluster;
        private StackSpec spec;
        private HeatUserData root;
        String stackId;
        /**
         * Boot the bootstrap server only once every master asked it for dcos_install.sh, so the
         * masters' first fetch is refused and their curl's retries are what gets the file, as on a
         * cloud, where the bootstrap server takes minutes (the rehearsal's takes a second).
         */
        boolean bootstrapAfterMastersAsk;
        /** What the test did when, for the timeline printed at the end (where a run's time goes). */
        private final List<String> marks = new ArrayList<>();

        /**
         * @param publicAgents asked as the DC/OS driver's users ask: the label {@code dcos_public_agent_count}
         *                     (on the template, and on the cluster, whose labels the server copies from the
         *                     template when a create gives none; the driver reads the cluster's)
         * @param failingAgent the private agent member whose {@code modprobe} fails, or -1
         */
        Rehearsal(Path dir, int masters, int agents, int publicAgents, int failingAgent) throws Exception {
            mark("opening");
            this.masters = masters;
            this.agents = agents;
            this.publicAgents = publicAgents;
            this.failingAgent = failingAgent;
            IssuedToken token = LoopbackCloud.login("alpha-member", "alpha");
            heatEndpoint = LoopbackCloud.keystone().endpoint(token.info().catalog(), "orchestration").orElseThrow();
            hosts = RehearsalHosts.open(Files.createDirectories(dir.resolve("hosts")));
            mark("the hosts' network up");
            byte[] standIn;
            try (InputStream in = ClusterRehearsalIT.class.getResourceAsStream("/rehearsal/dcos_generate_config.sh")) {
                standIn = in.readAllBytes();
            }
            installer = HttpServer.create(new InetSocketAddress(RehearsalHosts.GATEWAY, 0), 8);
            installer.createContext("/dcos_generate_config.sh", exchange -> {
                installerFetchedBy.add(exchange.getRemoteAddress().getAddress().getHostAddress());
                exchange.sendResponseHeaders(200, standIn.length);
                exchange.getResponseBody().write(standIn);
                exchange.close();
            });
            installer.start();
            DriverSettings settings = new DriverSettings(Map.of("dcos_installer_url", "http://"
                    + RehearsalHosts.GATEWAY + ":" + installer.getAddress().getPort() + "/dcos_generate_config.sh"));
            driver = driver(settings);
            context = DeploymentContext.local(settings);
            Map<String, String> labels = new java.util.TreeMap<>(BLUEPRINT_LABELS);
            if (publicAgents > 0) {
                labels.put("dcos_public_agent_count", Integer.toString(publicAgents));
            }
            template = ClusterTemplate.builder().uuid(UUID.randomUUID().toString()).name("rehearsal").coe("dcos")
                    .imageId("dcos-centos-7.2").keypairId("testkey").externalNetworkId("public")
                    .dnsNameserver("8.8.8.8").flavorId("m1.small").clusterDistro("centos")
                    .labels(labels).build();
            cluster = Cluster.builder().uuid(UUID.randomUUID().toString()).name(name)
                    .clusterTemplateId(template.uuid()).keypair("testkey").nodeCount(agents).masterCount(masters)
                    .createTimeout(10).labels(labels).build();
        }

        String masterIp(int index) {
            return "10.213.0." + (20 + index);
        }

        String agentIp(int index) {
            return Group.AGENTS.ip(index);
        }

        String publicAgentIp(int index) {
            return Group.PUBLIC_AGENTS.ip(index);
        }

        /** Builds the hosts and the stack, boots every node as Heat orders them; the stack as it settled. */
        JsonNode run() throws Exception {
            Map<Group, List<Integer>> members = new java.util.LinkedHashMap<>();
            members.put(Group.AGENTS, range(agents));
            members.put(Group.PUBLIC_AGENTS, range(publicAgents));
            spec = driver.stackSpec(template, cluster, context);
            assertThat(spec.parameters()).as("the public agents the label asks for")
                    .containsEntry("number_of_public_agents", publicAgents);
            mark("creating the stack");
            stackId = heat.create(new StackRequest(name, spec, 15, true, List.of("magnetar", "rehearsal"),
                    credential));
            mark("stack created");
            // Every host is made while Heat makes the wait handles the scripts need (a host costs an
            // overlay mount, a namespace and a relay, about a second each), so no boot waits on them.
            addHost("bootstrap", BOOTSTRAP);
            for (int i = 0; i < masters; i++) {
                addHost("master-" + i, masterIp(i));
            }
            for (Map.Entry<Group, List<Integer>> group : members.entrySet()) {
                for (int i : group.getValue()) {
                    addHost(group.getKey().host(i), group.getKey().ip(i));
                }
            }
            mark("hosts up");

            List<String> masterIps = new ArrayList<>();
            for (int i = 0; i < masters; i++) {
                masterIps.add(masterIp(i));
            }
            root = new HeatUserData(spec.template(), spec.files(), spec.parameters(), path -> switch (
                    String.join(".", path)) {
                case "bootstrap_wait_handle.curl_cli", "master_wait_handle.curl_cli" -> curlCli(resource(path.get(0)));
                case "bootstrap_port.fixed_ips.0.ip_address" -> BOOTSTRAP;
                case "masters.private_address" -> masterIps;
                default -> "rehearsal-unused-" + String.join("-", path);
            });
            String bootstrapData = root.of("bootstrap_server");
            Map<String, String> masterData = new java.util.LinkedHashMap<>();
            for (int i = 0; i < masters; i++) {
                String ip = masterIp(i);
                HeatUserData master = new HeatUserData(nodeTemplate(), spec.files(), root.groupMemberParameters(
                        "masters", i), path -> String.join(".", path).equals("port.fixed_ips.0.ip_address") ? ip
                        : "rehearsal-unused-" + String.join("-", path));
                masterData.put("master-" + i, master.of("server"));
            }
            Map<String, CompletableFuture<Integer>> scripts = new java.util.LinkedHashMap<>();
            if (bootstrapAfterMastersAsk) {
                Map<String, CompletableFuture<Integer>> masterScripts = new java.util.LinkedHashMap<>();
                for (Map.Entry<String, String> master : masterData.entrySet()) {
                    masterScripts.put(master.getKey(), hosts.boot(master.getKey(), master.getValue()));
                }
                for (String master : masterData.keySet()) {
                    Slowly.await(master + " asking the bootstrap server for dcos_install.sh", NODES,
                            () -> hosts.logText(master), log -> log.contains("fetching dcos_install.sh"));
                }
                scripts.put("bootstrap", hosts.boot("bootstrap", bootstrapData));
                scripts.putAll(masterScripts);
                mark("masters booted, then the bootstrap once every master asked it for dcos_install.sh");
            } else {
                scripts.put("bootstrap", hosts.boot("bootstrap", bootstrapData));
                for (Map.Entry<String, String> master : masterData.entrySet()) {
                    scripts.put(master.getKey(), hosts.boot(master.getKey(), master.getValue()));
                }
                mark("bootstrap and masters booted");
            }
            scripts.putAll(bootMembers(members, scripts.values()));
            return settle(scripts);
        }

        private void addHost(String host, String ip) throws Exception {
            hosts.add(host, ip);
            hosts.relayLoopback(host, heatEndpoint.getPort());
        }

        private static List<Integer> range(int count) {
            List<Integer> members = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                members.add(i);
            }
            return members;
        }

        /**
         * Resizes the agents as Magnetar does (the driver's scale parameters, Heat's PATCH), boots the
         * hosts of members Heat adds, and returns the stack as it settled.
         */
        JsonNode scale(int newCount, List<String> nodesToRemove, List<Integer> addedMembers) throws Exception {
            Cluster resized = cluster.toBuilder().nodeCount(newCount).build();
            Map<String, Object> changed = driver.scaleParameters(template, resized, nodesToRemove,
                    withAgentMembers(heat.find(name, credential).orElseThrow()));
            heat.update(name, stackId, new StackUpdate(changed, true, 15), credential);
            for (int i : addedMembers) {
                addHost(Group.AGENTS.host(i), Group.AGENTS.ip(i));
            }
            cluster = resized;
            Map<String, CompletableFuture<Integer>> scripts = bootMembers(Map.of(Group.AGENTS, addedMembers),
                    List.of());
            Slowly.await("Heat updating " + name, Duration.ofSeconds(60), () -> LoopbackCloud.stack("alpha", name,
                    stackId).path("stack_status").asText(), status -> status.startsWith("UPDATE_"));
            return settle(scripts);
        }

        /**
         * The stack with its {@code agent_members} output as Heat computes it over real ports
         * ({@code member=private=public}, no floating IPs here): with the ports mapped to no-ops
         * Heat has no addresses, and the driver maps a chosen address to its member from this output.
         */
        private Stack withAgentMembers(Stack current) {
            List<String> members = new ArrayList<>();
            for (String member : agentMembers()) {
                String ip = agentIp(Integer.parseInt(member));
                members.add(member + "=" + ip + "=" + ip);
            }
            Map<String, Object> outputs = new java.util.LinkedHashMap<>(current.outputs());
            outputs.put("agent_members", members);
            return new Stack(current.id(), current.name(), current.status(), current.statusReason(), outputs,
                    current.parameters());
        }

        /** The agents' members Heat holds now, by member name. */
        Set<String> agentMembers() {
            Set<String> members = new java.util.TreeSet<>();
            for (JsonNode resource : heatGet("/stacks/" + name + "/" + stackId + "/resources?nested_depth=1")
                    .path("resources")) {
                if (resource.path("parent_resource").asText().equals("agents")) {
                    members.add(resource.path("resource_name").asText());
                }
            }
            return members;
        }

        /**
         * Boots each member's host as soon as Heat has made the member's own wait handle (which it
         * does only once every master signalled: both groups depend on {@code master_wait}), with
         * its user_data rendered from node.yaml with the group's member parameters; the scripts by
         * host, in group and member order.
         */
        private Map<String, CompletableFuture<Integer>> bootMembers(Map<Group, List<Integer>> members,
                                                                    java.util.Collection<CompletableFuture<Integer>>
                                                                            before) throws Exception {
            Map<String, CompletableFuture<Integer>> booted = new java.util.HashMap<>();
            int wanted = members.values().stream().mapToInt(List::size).sum();
            long deadline = System.nanoTime() + NODES.toNanos();
            while (booted.size() < wanted) {
                for (JsonNode resource : heatGet("/stacks/" + name + "/" + stackId + "/resources?nested_depth=3")
                        .path("resources")) {
                    if (!resource.path("resource_name").asText().equals("wait_handle")
                            || !resource.path("resource_status").asText().equals("CREATE_COMPLETE")) {
                        continue;
                    }
                    Matcher member = MEMBER_STACK.matcher(link(resource, "stack").replaceAll("/[^/]*$", "")
                            .replaceAll("^.*/", ""));
                    if (!member.find()) {
                        continue;
                    }
                    Group group = member.group(1).equals(Group.AGENTS.resource()) ? Group.AGENTS
                            : Group.PUBLIC_AGENTS;
                    int i = Integer.parseInt(member.group(2));
                    if (members.getOrDefault(group, List.of()).contains(i) && !booted.containsKey(group.host(i))) {
                        booted.put(group.host(i), boot(group, i, link(resource, "self")));
                        mark(group.host(i) + " booted");
                    }
                }
                if (booted.size() == wanted) {
                    break;
                }
                for (CompletableFuture<Integer> script : before) {
                    if (script.isDone() && script.join() != 0) {
                        throw new AssertionError("a node script failed before the agents started:\n" + diagnosis(
                                LoopbackCloud.stack("alpha", name, stackId)));
                    }
                }
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("agent wait handles after " + NODES + " only for " + booted.keySet()
                            + ":\n" + diagnosis(LoopbackCloud.stack("alpha", name, stackId)));
                }
                Thread.sleep(1000);
            }
            Map<String, CompletableFuture<Integer>> ordered = new java.util.LinkedHashMap<>();
            members.forEach((group, list) -> list.forEach(i -> ordered.put(group.host(i), booted.get(group.host(i)))));
            return ordered;
        }

        private CompletableFuture<Integer> boot(Group group, int i, String handle) throws Exception {
            String host = group.host(i);
            String ip = group.ip(i);
            HeatUserData node = new HeatUserData(nodeTemplate(), spec.files(), root.groupMemberParameters(
                    group.resource(), i), path -> switch (String.join(".", path)) {
                case "wait_handle.curl_cli" -> curlCli(handle);
                case "port.fixed_ips.0.ip_address" -> ip;
                default -> "rehearsal-unused-" + String.join("-", path);
            });
            if (group == Group.AGENTS && i == failingAgent) {
                // A kernel module that does not load: prepare_os's modprobe fails inside a function.
                Path modprobe = hosts.file(host, "/usr/local/sbin/modprobe");
                Files.writeString(modprobe, "#!/bin/bash\necho \"modprobe: FATAL: Module $1 not found\" >&2\n"
                        + "exit 1\n");
            }
            return hosts.boot(host, node.of("server"));
        }

        private JsonNode settle(Map<String, CompletableFuture<Integer>> scripts) throws Exception {
            CompletableFuture.allOf(scripts.values().toArray(CompletableFuture[]::new))
                    .get(NODES.toSeconds(), TimeUnit.SECONDS);
            long scriptsEnded = System.nanoTime();
            mark("every script ended");
            exits.clear();
            exitByHost.clear();
            for (Map.Entry<String, CompletableFuture<Integer>> script : scripts.entrySet()) {
                exits.add(script.getValue().get());
                exitByHost.put(script.getKey(), script.getValue().get());
            }
            JsonNode settled = Slowly.await("stack " + name + " settled", NODES,
                    () -> LoopbackCloud.stack("alpha", name, stackId),
                    s -> !s.path("stack_status").asText().endsWith("_IN_PROGRESS"));
            settledAfterLastScript = Duration.ofNanos(System.nanoTime() - scriptsEnded);
            mark("stack " + settled.path("stack_status").asText());
            return settled;
        }

        /**
         * The wait conditions Heat completed, from its events (a wait condition completes only on
         * its handles' SUCCESS signals: {@code master_wait} on one per master), as
         * {@code bootstrap_wait}, {@code master_wait}, {@code agents/0/wait} ...; fails if the stack's
         * CREATE_COMPLETE came before any of them.
         */
        List<String> signalledBeforeComplete() {
            List<String> completed = new ArrayList<>();
            String last = "";
            String stackComplete = null;
            for (JsonNode event : heatGet("/stacks/" + name + "/" + stackId + "/events?nested_depth=3&limit=1000")
                    .path("events")) {
                if (!event.path("resource_status").asText().equals("CREATE_COMPLETE")) {
                    continue;
                }
                String resource = event.path("resource_name").asText();
                String time = event.path("event_time").asText();
                if (resource.equals(name) && event.path("physical_resource_id").asText().equals(stackId)) {
                    stackComplete = time;
                } else if (Set.of("bootstrap_wait", "master_wait").contains(resource)) {
                    completed.add(resource);
                } else if (resource.equals("wait")) {
                    Matcher member = MEMBER_STACK.matcher(link(event, "stack").replaceAll("/[^/]*$", "")
                            .replaceAll("^.*/", ""));
                    completed.add(member.find() ? member.group(1) + "/" + member.group(2) + "/wait"
                            : "wait in " + link(event, "stack"));
                } else {
                    continue;
                }
                if (!resource.equals(name) && time.compareTo(last) > 0) {
                    last = time;
                }
            }
            assertThat(stackComplete).as("the stack's CREATE_COMPLETE event").isNotNull();
            assertThat(stackComplete).as("the stack's CREATE_COMPLETE, not before the last wait condition's")
                    .isGreaterThanOrEqualTo(last);
            return completed;
        }

        private String nodeTemplate() {
            return spec.files().get("node.yaml");
        }

        private String resource(String resourceName) {
            return heatEndpoint + "/stacks/" + name + "/" + stackId + "/resources/" + resourceName;
        }

        /** The handle's curl_cli, as Heat gives it to get_attr once the handle exists. */
        private String curlCli(String resourceUrl) {
            String path = resourceUrl.substring(heatEndpoint.toString().length());
            String curl = Slowly.await("curl_cli of " + path, Duration.ofSeconds(60), () -> heatGet(path)
                    .path("resource").path("attributes").path("curl_cli").asText(""), text -> !text.isEmpty());
            Matcher url = HEAT_URL.matcher(curl);
            assertThat(url.find() && Integer.parseInt(url.group(2)) == heatEndpoint.getPort())
                    .as("curl_cli reaches Heat's loopback port the hosts relay: " + curl).isTrue();
            return curl;
        }

        private JsonNode heatGet(String path) {
            IssuedToken token = LoopbackCloud.login("alpha-member", "alpha");
            ServiceResponse response = HTTP.send("GET", URI.create(heatEndpoint + path),
                    Map.of("X-Auth-Token", token.value()), null, RetryPolicy.DEFAULT);
            if (response.status() == 404) {
                return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
            }
            if (!response.isSuccess()) {
                throw new AssertionError("Heat GET " + path + ": HTTP " + response.status());
            }
            return response.body();
        }

        private static String link(JsonNode resource, String rel) {
            for (JsonNode link : resource.path("links")) {
                if (link.path("rel").asText().equals(rel)) {
                    return link.path("href").asText();
                }
            }
            return "";
        }

        private void mark(String what) {
            marks.add(java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MILLIS) + " test: " + what);
        }

        /**
         * The test's marks and every node's steps (its {@code log} lines), in time order: where the
         * run's time went, printed when the rehearsal closes.
         */
        String timeline() {
            List<String> lines = new ArrayList<>(marks);
            for (String host : hosts.names()) {
                for (String line : hosts.logText(host).split("\n")) {
                    int at = line.indexOf(" magnetar: ");
                    if (at > 0) {
                        lines.add(line.substring(0, at) + " " + host + ": " + line.substring(at + 11));
                    }
                }
            }
            // Node lines have whole seconds (2026-12-03T19:40:01Z), the marks milliseconds: compare to the second.
            lines.sort(Comparator.comparing(line -> line.substring(0, 19)));
            return String.join("\n", lines);
        }

        /** The stack's status and every node's output, for a failed assertion. */
        String diagnosis(JsonNode stack) {
            StringBuilder text = new StringBuilder(stack.path("stack_status").asText()).append(": ")
                    .append(stack.path("stack_status_reason").asText()).append('\n');
            for (String host : hosts.names()) {
                String log = hosts.logText(host);
                text.append("--- ").append(host).append('\n')
                        .append(log.length() > 3000 ? log.substring(log.length() - 3000) : log);
            }
            return text.toString();
        }

        private static ClusterDriver driver(DriverSettings settings) {
            for (ClusterDriverProvider provider : ServiceLoader.load(ClusterDriverProvider.class)) {
                if (provider.name().equals("dcos_centos_v1")) {
                    return provider.create(settings);
                }
            }
            throw new AssertionError("the DC/OS driver is not on the class path");
        }

        @Override
        public void close() throws Exception {
            try {
                System.out.println("Cluster rehearsal " + name + ", timeline:\n" + timeline());
                if (stackId != null) {
                    heat.delete(name, stackId, credential);
                }
            } finally {
                long closing = System.nanoTime();
                installer.stop(0);
                hosts.close();
                System.out.println("Cluster rehearsal " + name + ": hosts down in "
                        + Duration.ofNanos(System.nanoTime() - closing).toMillis() + " ms");
            }
        }
    }
}
