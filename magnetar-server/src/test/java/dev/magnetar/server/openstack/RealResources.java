package dev.magnetar.server.openstack;

import com.fasterxml.jackson.databind.JsonNode;
import dev.magnetar.openstack.http.OpenStackHttp;
import dev.magnetar.openstack.http.RetryPolicy;
import dev.magnetar.openstack.http.ServiceResponse;
import dev.magnetar.openstack.it.LoopbackOpenStack;
import dev.magnetar.openstack.keystone.IssuedToken;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

/**
 * The loopback cloud's real Neutron, Nova, Cinder and Octavia ({@code openstack-on-loopback.sh
 * start --cloud}), registered in Keystone's catalogue only between {@link #open()} and
 * {@link #close()}: other tests assert that this cloud has no Glance, Nova or Neutron, and every
 * test run against the shared Keystone holds the same IT lock, so none of them sees these
 * endpoints. Lists what a project has, as its member sees it through the services' APIs.
 */
final class RealResources implements AutoCloseable {

    private static final OpenStackHttp HTTP = new OpenStackHttp(Duration.ofSeconds(5), Duration.ofSeconds(60));

    private RealResources() {
    }

    /** Starts the services when they are down (minutes, once per machine) and registers their endpoints. */
    static RealResources open() {
        script(15, "start", "--cloud");
        script(5, "catalogue", "add");
        LoopbackCloud.forgetTokens();
        return new RealResources();
    }

    @Override
    public void close() {
        script(5, "catalogue", "remove");
        LoopbackCloud.forgetTokens();
    }

    /**
     * Everything of the project's that a cluster's stack may leave behind, by kind, each as its
     * sorted ids: servers, ports, security groups (but the project's default one), networks,
     * routers, floating IPs, volumes and load balancers.
     */
    static Map<String, TreeSet<String>> inventory(String project) {
        IssuedToken token = LoopbackCloud.login(project + "-member", project);
        String projectId = token.info().projectId();
        Map<String, TreeSet<String>> found = new TreeMap<>();
        found.put("servers", ids(get(token, "compute", "/servers").path("servers"), "id"));
        String owned = "?project_id=" + projectId;
        found.put("ports", ids(get(token, "network", "/v2.0/ports" + owned).path("ports"), "id"));
        TreeSet<String> groups = new TreeSet<>();
        for (JsonNode group : get(token, "network", "/v2.0/security-groups" + owned).path("security_groups")) {
            if (!group.path("name").asText().equals("default")) {
                groups.add(group.path("id").asText());
            }
        }
        found.put("security groups", groups);
        found.put("networks", ids(get(token, "network", "/v2.0/networks" + owned).path("networks"), "id"));
        found.put("routers", ids(get(token, "network", "/v2.0/routers" + owned).path("routers"), "id"));
        found.put("floating IPs", ids(get(token, "network", "/v2.0/floatingips" + owned).path("floatingips"), "id"));
        found.put("volumes", ids(get(token, "volumev3", "/volumes").path("volumes"), "id"));
        found.put("load balancers", ids(get(token, "load-balancer", "/v2/lbaas/loadbalancers" + owned)
                .path("loadbalancers"), "id"));
        return found;
    }

    /** Gives the project's member a Nova key pair of that name (Nova makes the key), unless it has one. */
    static void ensureKeypair(String project, String name) {
        IssuedToken token = LoopbackCloud.login(project + "-member", project);
        URI nova = LoopbackCloud.keystone().endpoint(token.info().catalog(), "compute").orElseThrow();
        Map<String, String> headers = Map.of("X-Auth-Token", token.value());
        if (HTTP.send("GET", URI.create(nova + "/os-keypairs/" + name), headers, null, RetryPolicy.DEFAULT)
                .isSuccess()) {
            return;
        }
        ServiceResponse created = HTTP.send("POST", URI.create(nova + "/os-keypairs"), headers,
                Map.of("keypair", Map.of("name", name)), RetryPolicy.DEFAULT);
        if (!created.isSuccess()) {
            throw new AssertionError("Nova key pair " + name + ": HTTP " + created.status());
        }
    }

    /** The project's Nova servers (with their addresses). */
    static List<JsonNode> servers(String project) {
        IssuedToken token = LoopbackCloud.login(project + "-member", project);
        List<JsonNode> servers = new ArrayList<>();
        get(token, "compute", "/servers/detail").path("servers").forEach(servers::add);
        return servers;
    }

    /** The Neutron ports a server is plugged into. */
    static TreeSet<String> portsOf(String project, String serverId) {
        IssuedToken token = LoopbackCloud.login(project + "-member", project);
        return ids(get(token, "network", "/v2.0/ports?device_id=" + serverId).path("ports"), "id");
    }

    /** The project's Octavia load balancers with their provisioning status. */
    static List<JsonNode> loadBalancers(String project) {
        IssuedToken token = LoopbackCloud.login(project + "-member", project);
        List<JsonNode> found = new ArrayList<>();
        get(token, "load-balancer", "/v2/lbaas/loadbalancers?project_id=" + token.info().projectId())
                .path("loadbalancers").forEach(found::add);
        return found;
    }

    /** The project's floating IPs. */
    static List<JsonNode> floatingIps(String project) {
        IssuedToken token = LoopbackCloud.login(project + "-member", project);
        List<JsonNode> found = new ArrayList<>();
        get(token, "network", "/v2.0/floatingips?project_id=" + token.info().projectId()).path("floatingips")
                .forEach(found::add);
        return found;
    }

    private static TreeSet<String> ids(JsonNode items, String field) {
        TreeSet<String> ids = new TreeSet<>();
        items.forEach(item -> ids.add(item.path(field).asText()));
        return ids;
    }

    private static JsonNode get(IssuedToken token, String serviceType, String path) {
        URI endpoint = LoopbackCloud.keystone().endpoint(token.info().catalog(), serviceType)
                .orElseThrow(() -> new AssertionError(serviceType + " is not in the catalogue"));
        ServiceResponse response = HTTP.send("GET", URI.create(endpoint + path), Map.of("X-Auth-Token", token.value()),
                null, RetryPolicy.DEFAULT);
        if (!response.isSuccess()) {
            throw new AssertionError(serviceType + " GET " + path + ": HTTP " + response.status() + " "
                    + response.errorMessage());
        }
        return response.body();
    }

    private static void script(int minutes, String... arguments) {
        List<String> command = new ArrayList<>(List.of("bash", LoopbackOpenStack.script().toString()));
        command.addAll(List.of(arguments));
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            boolean finished = process.waitFor(minutes, TimeUnit.MINUTES);
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!finished) {
                process.destroyForcibly();
                throw new IllegalStateException(String.join(" ", arguments) + " did not finish within " + minutes
                        + " min");
            }
            if (process.exitValue() != 0) {
                throw new IllegalStateException(Path.of(command.get(1)).getFileName() + " "
                        + String.join(" ", arguments) + " failed: " + output.strip());
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
