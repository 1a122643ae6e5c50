package dev.magnetar.server.openstack;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import dev.magnetar.core.driver.ClusterDriver;
import dev.magnetar.core.driver.ClusterDriverProvider;
import dev.magnetar.core.driver.DeploymentContext;
import dev.magnetar.core.driver.DriverSettings;
import dev.magnetar.core.model.Cluster;
import dev.magnetar.core.model.ClusterTemplate;
import dev.magnetar.core.port.StackCredential;
import dev.magnetar.core.port.StackRequest;
import dev.magnetar.core.port.StackSpec;
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
 * The cluster rehearsal (docs/testing.md): the DC/OS driver's stack for the blueprint bay is
 * created by the real Heat on loopback (servers, ports and volumes mapped to no-ops), and each
 * node's user_data, rendered from the stack's templates as Heat renders it (the wait handles'
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
                    .contains("bootstrap_ip_detect=" + BOOTSTRAP + "\n", "bootstrap_url=http://" + BOOTSTRAP + ":8086\n",
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
        private final String name = "rehearsal-" + UUID.randomUUID().toString().substring(0, 8);
        private final URI heatEndpoint;
        private String stackId;

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
        }

        String masterIp(int index) {
            return "10.213.0." + (20 + index);
        }

        String agentIp(int index) {
            return "10.213.0." + (30 + index);
        }

        /** Builds the hosts and the stack, boots every node as Heat orders them; the stack as it settled. */
        JsonNode run() throws Exception {
            int heatPort = heatEndpoint.getPort();
            hosts.add("bootstrap", BOOTSTRAP);
            for (int i = 0; i < masters; i++) {
                hosts.add("master-" + i, masterIp(i));
            }
            for (int i = 0; i < agents; i++) {
                hosts.add("agent-" + i, agentIp(i));
            }
            for (String host : hostNames()) {
                hosts.relayLoopback(host, heatPort);
            }
            DriverSettings settings = new DriverSettings(Map.of("dcos_installer_url", "http://"
                    + RehearsalHosts.GATEWAY + ":" + installer.getAddress().getPort() + "/dcos_generate_config.sh"));
            StackSpec spec = driver(settings).stackSpec(template(), cluster(), DeploymentContext.local(settings));
            stackId = heat.create(new StackRequest(name, spec, 15, true, List.of("magnetar", "rehearsal"),
                    credential));

            List<String> masterIps = new ArrayList<>();
            for (int i = 0; i < masters; i++) {
                masterIps.add(masterIp(i));
            }
            HeatUserData root = new HeatUserData(spec.template(), spec.files(), spec.parameters(), path -> switch (
                    String.join(".", path)) {
                case "bootstrap_wait_handle.curl_cli", "master_wait_handle.curl_cli" -> curlCli(resource(path.get(0)));
                case "bootstrap_port.fixed_ips.0.ip_address" -> BOOTSTRAP;
                case "masters.private_address" -> masterIps;
                default -> "rehearsal-unused-" + String.join("-", path);
            });
            String nodeTemplate = spec.files().get("node.yaml");
            List<CompletableFuture<Integer>> scripts = new ArrayList<>();
            scripts.add(hosts.boot("bootstrap", root.of("bootstrap_server")));
            for (int i = 0; i < masters; i++) {
                String ip = masterIp(i);
                HeatUserData master = new HeatUserData(nodeTemplate, spec.files(), root.groupMemberParameters(
                        "masters", i), path -> String.join(".", path).equals("port.fixed_ips.0.ip_address") ? ip
                        : "rehearsal-unused-" + String.join("-", path));
                scripts.add(hosts.boot("master-" + i, master.of("server")));
            }

            Map<Integer, String> agentHandles = awaitAgentHandles(scripts);
            for (int i = 0; i < agents; i++) {
                String ip = agentIp(i);
                String handle = agentHandles.get(i);
                HeatUserData agent = new HeatUserData(nodeTemplate, spec.files(), root.groupMemberParameters(
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
            CompletableFuture.allOf(scripts.toArray(CompletableFuture[]::new)).get(NODES.toSeconds(), TimeUnit.SECONDS);
            long scriptsEnded = System.nanoTime();
            for (CompletableFuture<Integer> script : scripts) {
                exits.add(script.get());
            }
            JsonNode settled = Slowly.await("stack " + name + " settled", NODES,
                    () -> LoopbackCloud.stack("alpha", name, stackId),
                    s -> !s.path("stack_status").asText().endsWith("_IN_PROGRESS"));
            settledAfterLastScript = Duration.ofNanos(System.nanoTime() - scriptsEnded);
            return settled;
        }

        /** The agents' own wait handles, which Heat makes only once every master signalled. */
        private Map<Integer, String> awaitAgentHandles(List<CompletableFuture<Integer>> bootAndMasters)
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
                if (found.size() == agents) {
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

        private List<String> hostNames() {
            List<String> names = new ArrayList<>(List.of("bootstrap"));
            for (int i = 0; i < masters; i++) {
                names.add("master-" + i);
            }
            for (int i = 0; i < agents; i++) {
                names.add("agent-" + i);
            }
            return names;
        }

        /** The stack's status and every node's output, for a failed assertion. */
        String diagnosis(JsonNode stack) {
            StringBuilder text = new StringBuilder(stack.path("stack_status").asText()).append(": ")
                    .append(stack.path("stack_status_reason").asText()).append('\n');
            for (String host : hostNames()) {
                String log = hosts.logText(host);
                text.append("--- ").append(host).append('\n')
                        .append(log.length() > 3000 ? log.substring(log.length() - 3000) : log);
            }
            return text.toString();
        }

        private ClusterTemplate template() {
            return ClusterTemplate.builder().uuid(UUID.randomUUID().toString()).name("rehearsal").coe("dcos")
                    .imageId("dcos-centos-7.2").keypairId("testkey").externalNetworkId("public")
                    .dnsNameserver("8.8.8.8").flavorId("m1.small").clusterDistro("centos")
                    .labels(BLUEPRINT_LABELS).build();
        }

        private Cluster cluster() {
            return Cluster.builder().uuid(UUID.randomUUID().toString()).name(name).clusterTemplateId("rehearsal")
                    .keypair("testkey").nodeCount(agents).masterCount(masters).createTimeout(10)
                    .labels(BLUEPRINT_LABELS).build();
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
