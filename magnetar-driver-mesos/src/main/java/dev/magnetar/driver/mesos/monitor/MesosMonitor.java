package dev.magnetar.driver.mesos.monitor;

import dev.magnetar.core.driver.ClusterMonitor;
import dev.magnetar.core.driver.HealthReport;
import dev.magnetar.core.driver.MonitorContext;
import dev.magnetar.core.model.Cluster;
import dev.magnetar.core.model.ClusterTemplate;
import dev.magnetar.core.model.NodeGroups;
import dev.magnetar.driver.mesos.node.NodeFiles;

import dev.magnetar.driver.kit.http.MonitorHttpClient;

import java.net.URI;
import java.net.http.HttpClient;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Says whether a Mesos cluster really works by asking it: every master's
 * {@code :5050/metrics/snapshot} and Marathon's {@code /v2/info} at the cluster's api_address at
 * once, then the elected leader's {@code /master/state} for its version and any inactive agent.
 * Neither endpoint authenticates (that is why the masters' ports are limited to
 * {@code master_api_allowed_cidr}), so no credential is needed.
 *
 * <p>One instance serves every cluster: it is thread-safe, shares one HTTP client, and a poll never
 * blocks much longer than the context's request timeout.
 */
public final class MesosMonitor implements ClusterMonitor {

    private final ClusterEndpoints endpoints;
    private final MasterLocator masters;

    /** A monitor with its own {@link MonitorHttpClient}, reading each master on Mesos' port 5050. */
    public MesosMonitor() {
        this(MonitorHttpClient.create(), MasterLocator.onPort(NodeFiles.MESOS_MASTER_PORT));
    }

    /**
     * @param http    the client every poll shares
     * @param masters where each master answers (its address on 5050 in a real cloud)
     */
    public MesosMonitor(HttpClient http, MasterLocator masters) {
        this.endpoints = new ClusterEndpoints(http);
        this.masters = masters;
    }

    @Override
    public HealthReport poll(ClusterTemplate template, Cluster cluster, MonitorContext context) {
        if (cluster.observed().masterAddresses().isEmpty()) {
            return HealthReport.unknown("the cluster has no master addresses yet");
        }
        Optional<String> api = marathonBase(cluster.observed().apiAddress());
        long deadline = System.nanoTime() + context.requestTimeout().toNanos();
        Map<String, CompletableFuture<Reply>> snapshots = new LinkedHashMap<>();
        cluster.observed().masterAddresses().forEach(address -> snapshots.put(address,
                endpoints.get(masters.baseUrl(cluster, address) + "/metrics/snapshot", deadline)));
        CompletableFuture<Reply> marathon = api.map(base -> endpoints.get(base + "/v2/info", deadline))
                .orElseGet(() -> CompletableFuture.completedFuture(new Reply.Bad(String.valueOf(cluster.observed().apiAddress()),
                        "api_address is not an http:// URL")));
        Map<String, Reply> answers = new LinkedHashMap<>();
        snapshots.forEach((address, reply) -> answers.put(address, reply.join()));
        Optional<Reply> state = MesosHealth.leader(answers)
                .map(leader -> endpoints.get(masters.baseUrl(cluster, leader) + "/master/state", deadline).join());
        // the default agents and every added pool's register with the same masters
        int expectedAgents = cluster.spec().nodeCount() + NodeGroups.addedNodeCount(cluster.spec());
        return new MesosHealth(answers, state, marathon.join(), expectedAgents).report();
    }

    /** Marathon's base URL, from an api_address Magnetar itself recorded ({@code http://host:8080}). */
    private static Optional<String> marathonBase(String apiAddress) {
        if (apiAddress == null) {
            return Optional.empty();
        }
        try {
            URI uri = URI.create(apiAddress);
            if (!"http".equals(uri.getScheme()) || uri.getHost() == null) {
                return Optional.empty();
            }
            String base = apiAddress.endsWith("/") ? apiAddress.substring(0, apiAddress.length() - 1) : apiAddress;
            return Optional.of(base);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
