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
    private static final Pattern AGENT_STACK = Pattern.compile("-agents-[A-Za-z0-9]+-(\\d+)-[A-Za-z0-9]+$");
    /** The blueprint's labels ({@code LoopbackCloud.blueprintTemplate}). */
    private static final Map<String, String> BLUEPRINT_LABELS = Map.of("isolation", "docker/volume", "launcher",
            "linux", "image_providers", "docker");
    private static final OpenStackHttp HTTP = new OpenStackHttp(Duration.ofSeconds(5), Duration.ofSeconds(30));

    @TempDir
    Path dir;

    @Test
    void the_blueprint_bay_is_built_by_its_node_scripts_on_hosts_that_reach_each_other() throws Exception {
        try (Rehearsal r = new Rehearsal(dir, 1, 1, -1)) {
            JsonNode stack = r.run();

            assertThat(stack.path("stack_status").asText()).as(r.diagnosis(stack)).isEqualTo("CREATE_COMPLETE");
            assertThat(r.exits).as("every node script's exit status").containsOnly(0);
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
            for (String node : List.of(r.masterIp(0), r.agentIp(0))) {
                assertThat(served).as("the bootstrap's HTTP log").contains(node + " - - ")
                        .containsPattern(Pattern.quote(node) + " - - \\[[^]]*] \"GET /dcos_install.sh HTTP/1.1\" 200");
            }
            assertThat(r.hosts.read("master-0", "/var/lib/dcos/rehearsal-install.txt"))
                    .contains("role=master\n", "ip_detect=" + r.masterIp(0) + "\n");
            assertThat(r.hosts.read("agent-0", "/var/lib/dcos/rehearsal-install.txt"))
                    .contains("role=slave\n", "ip_detect=" + r.agentIp(0) + "\n",
                            "ip_detect_public=" + r.agentIp(0) + "\n");
            assertThat(r.hosts.read("agent-0", "/var/log/rehearsal-os.log")).as("the stubbed OS layer, asked")
                    .contains("yum install -y", "modprobe overlay", "sysctl --system", "systemctl enable --now docker",
                            "docker info --format");
        }
    }

    @Test
    void a_step_failing_inside_a_function_on_an_agent_fails_the_stack_promptly_naming_that_agent() throws Exception {
        try (Rehearsal r = new Rehearsal(dir, 1, 1, 0)) {
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
        try (Rehearsal r = new Rehearsal(dir, 3, 1, -1)) {
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

    /** One stack and its hosts: bootstrap, masters and agents, and what happened to them. */
    private static final class Rehearsal implements AutoCloseable {

        final RehearsalHosts hosts;
        final List<Integer> exits = new ArrayList<>();
        final Set<String> installerFetchedBy = ConcurrentHashMap.newKeySet();
        Duration settledAfterLastScript;
        private final int masters;
        private final int agents;
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

        Rehearsal(Path dir, int masters, int agents, int failingAgent) throws Exception {
            this.masters = masters;
            this.agents = agents;
            this.failingAgent = failingAgent;
            IssuedToken token = LoopbackCloud.login("alpha-member", "alpha");
            heatEndpoint = LoopbackCloud.keystone().endpoint(token.info().catalog(), "orchestration").orElseThrow();
            hosts = RehearsalHosts.open(Files.createDirectories(dir.resolve("hosts")));
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
            template = ClusterTemplate.builder().uuid(UUID.randomUUID().toString()).name("rehearsal").coe("dcos")
                    .imageId("dcos-centos-7.2").keypairId("testkey").externalNetworkId("public")
                    .dnsNameserver("8.8.8.8").flavorId("m1.small").clusterDistro("centos")
                    .labels(BLUEPRINT_LABELS).build();
            cluster = Cluster.builder().uuid(UUID.randomUUID().toString()).name(name)
                    .clusterTemplateId(template.uuid()).keypair("testkey").nodeCount(agents).masterCount(masters)
                    .createTimeout(10).labels(BLUEPRINT_LABELS).build();
        }

        String masterIp(int index) {
            return "10.213.0." + (20 + index);
        }

        String agentIp(int index) {
            return "10.213.0." + (30 + index);
        }

        /** Builds the hosts and the stack, boots every node as Heat orders them; the stack as it settled. */
        JsonNode run() throws Exception {
            hosts.add("bootstrap", BOOTSTRAP);
            hosts.relayLoopback("bootstrap", heatEndpoint.getPort());
            for (int i = 0; i < masters; i++) {
                hosts.add("master-" + i, masterIp(i));
                hosts.relayLoopback("master-" + i, heatEndpoint.getPort());
            }
            spec = driver.stackSpec(template, cluster, context);
            stackId = heat.create(new StackRequest(name, spec, 15, true, List.of("magnetar", "rehearsal"),
                    credential));

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
            List<CompletableFuture<Integer>> scripts = new ArrayList<>();
            scripts.add(hosts.boot("bootstrap", root.of("bootstrap_server")));
            for (int i = 0; i < masters; i++) {
                String ip = masterIp(i);
                HeatUserData master = new HeatUserData(nodeTemplate(), spec.files(), root.groupMemberParameters(
                        "masters", i), path -> String.join(".", path).equals("port.fixed_ips.0.ip_address") ? ip
                        : "rehearsal-unused-" + String.join("-", path));
                scripts.add(hosts.boot("master-" + i, master.of("server")));
            }
            List<Integer> members = new ArrayList<>();
            for (int i = 0; i < agents; i++) {
                members.add(i);
            }
            scripts.addAll(bootAgents(members, scripts));
            return settle(scripts);
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
            cluster = resized;
            List<CompletableFuture<Integer>> scripts = new ArrayList<>(bootAgents(addedMembers, List.of()));
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

        private List<CompletableFuture<Integer>> bootAgents(List<Integer> members,
                                                            List<CompletableFuture<Integer>> before) throws Exception {
            for (int i : members) {
                hosts.add("agent-" + i, agentIp(i));
                hosts.relayLoopback("agent-" + i, heatEndpoint.getPort());
            }
            Map<Integer, String> agentHandles = awaitAgentHandles(members, before);
            List<CompletableFuture<Integer>> scripts = new ArrayList<>();
            for (int i : members) {
                String ip = agentIp(i);
                String handle = agentHandles.get(i);
                HeatUserData agent = new HeatUserData(nodeTemplate(), spec.files(), root.groupMemberParameters(
                        "agents", i), path -> switch (String.join(".", path)) {
                    case "wait_handle.curl_cli" -> curlCli(handle);
                    case "port.fixed_ips.0.ip_address" -> ip;
                    default -> "rehearsal-unused-" + String.join("-", path);
                });
                if (i == failingAgent) {
                    // A kernel module that does not load: prepare_os's modprobe fails inside a function.
                    Path modprobe = hosts.file("agent-" + i, "/usr/local/sbin/modprobe");
                    Files.writeString(modprobe, "#!/bin/bash\necho \"modprobe: FATAL: Module $1 not found\" >&2\n"
                            + "exit 1\n");
                }
                scripts.add(hosts.boot("agent-" + i, agent.of("server")));
            }
            return scripts;
        }

        private JsonNode settle(List<CompletableFuture<Integer>> scripts) throws Exception {
            CompletableFuture.allOf(scripts.toArray(CompletableFuture[]::new)).get(NODES.toSeconds(), TimeUnit.SECONDS);
            long scriptsEnded = System.nanoTime();
            exits.clear();
            for (CompletableFuture<Integer> script : scripts) {
                exits.add(script.get());
            }
            JsonNode settled = Slowly.await("stack " + name + " settled", NODES,
                    () -> LoopbackCloud.stack("alpha", name, stackId),
                    s -> !s.path("stack_status").asText().endsWith("_IN_PROGRESS"));
            settledAfterLastScript = Duration.ofNanos(System.nanoTime() - scriptsEnded);
            return settled;
        }

        private String nodeTemplate() {
            return spec.files().get("node.yaml");
        }

        /** The agents' own wait handles, which Heat makes only once every master signalled. */
        private Map<Integer, String> awaitAgentHandles(List<Integer> members,
                                                       List<CompletableFuture<Integer>> bootAndMasters)
                throws InterruptedException {
            long deadline = System.nanoTime() + NODES.toNanos();
            while (true) {
                Map<Integer, String> found = new java.util.TreeMap<>();
                for (JsonNode resource : heatGet("/stacks/" + name + "/" + stackId + "/resources?nested_depth=3")
                        .path("resources")) {
                    if (resource.path("resource_name").asText().equals("wait_handle")
                            && resource.path("resource_status").asText().equals("CREATE_COMPLETE")) {
                        Matcher member = AGENT_STACK.matcher(link(resource, "stack").replaceAll("/[^/]*$", "")
                                .replaceAll("^.*/", ""));
                        if (member.find()) {
                            found.put(Integer.parseInt(member.group(1)), link(resource, "self"));
                        }
                    }
                }
                if (found.keySet().containsAll(members)) {
                    return found;
                }
                for (CompletableFuture<Integer> script : bootAndMasters) {
                    if (script.isDone() && script.join() != 0) {
                        throw new AssertionError("a node script failed before the agents started:\n" + diagnosis(
                                LoopbackCloud.stack("alpha", name, stackId)));
                    }
                }
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("no agent wait handles after " + NODES + ":\n"
                            + diagnosis(LoopbackCloud.stack("alpha", name, stackId)));
                }
                Thread.sleep(1000);
            }
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
                if (stackId != null) {
                    heat.delete(name, stackId, credential);
                }
            } finally {
                installer.stop(0);
                hosts.close();
            }
        }
    }
}
