package dev.magnetar.sim.dcos;

import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * DC/OS's monitoring endpoints for many simulated clusters at once, on one loopback port: each
 * registered cluster answers under its own base URL ({@code http://127.0.0.1:<port>/c/<id>}), the
 * address a simulated cluster's {@code api_address} points to, as Admin Router would for a real one.
 * Bodies follow the recorded fixtures and the cluster's node counts; {@link DcosFaults} breaks what
 * a test or the embedded default needs broken; with oauth, login JWTs are checked against the
 * registered RS256 public key and every other request needs an issued token.
 *
 * <p>Each request costs a map lookup and a few hundred bytes of JSON. Requests run on virtual
 * threads, so a cluster made slow by a fault holds no platform thread while it waits.
 */
public final class SimulatedDcos implements AutoCloseable {

    /** How long issued tokens last unless {@link #start(Duration, InstantSource)} says otherwise (DC/OS: 5 days). */
    public static final Duration DEFAULT_TOKEN_LIFETIME = Duration.ofDays(5);

    private final Map<String, SimCluster> clusters = new ConcurrentHashMap<>();
    private final HttpServer server;
    private final ExecutorService executor;
    private final String origin;

    private SimulatedDcos(HttpServer server, ExecutorService executor) {
        this.server = server;
        this.executor = executor;
        this.origin = "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Serves on an ephemeral loopback port, with DC/OS's token lifetime and the system clock. */
    public static SimulatedDcos start() {
        return start(DEFAULT_TOKEN_LIFETIME, InstantSource.system());
    }

    /**
     * @param tokenLifetime how long issued tokens are accepted
     * @param clock         judges login JWT and token expiry
     */
    public static SimulatedDcos start(Duration tokenLifetime, InstantSource clock) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 1024);
            ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
            SimulatedDcos dcos = new SimulatedDcos(server, executor);
            server.createContext(AdminRouterHandler.PREFIX,
                    new AdminRouterHandler(dcos.clusters, new SessionTokens(tokenLifetime), clock));
            server.setExecutor(executor);
            server.start();
            return dcos;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on loopback for the simulated DC/OS", e);
        }
    }

    /** Serves a cluster, healthy until faults are set; returns its api_address. Replaces one with the same id. */
    public String register(DcosClusterSpec spec) {
        clusters.put(spec.id(), new SimCluster(spec));
        return apiAddress(spec.id());
    }

    /** Stops serving a cluster; its address then answers 404, as a deleted cluster's would not at all. */
    public void unregister(String id) {
        clusters.remove(id);
    }

    public boolean isRegistered(String id) {
        return clusters.containsKey(id);
    }

    /** The base URL Admin Router of cluster {@code id} answers under (no trailing slash). */
    public String apiAddress(String id) {
        return origin + AdminRouterHandler.PREFIX + id;
    }

    /** Replaces the cluster's faults; {@link DcosFaults#NONE} heals it. */
    public void setFaults(String id, DcosFaults faults) {
        cluster(id).faults(faults);
    }

    public DcosFaults faults(String id) {
        return cluster(id).faults();
    }

    /** The package repositories the cluster's Cosmos lists, in order, as {@code name=uri}. */
    public java.util.List<String> repositories(String id) {
        return cluster(id).repositories().stream().map(r -> r.name() + "=" + r.uri()).toList();
    }

    /**
     * Replaces the cluster's repository list, as {@code name=uri} in order: what the cluster's nodes
     * added at install (a local Universe), or what it had before it was registered again.
     */
    public void setRepositories(String id, java.util.List<String> repositories) {
        cluster(id).repositories(repositories.stream().map(r -> {
            int eq = r.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("a repository is name=uri, not '" + r + "'");
            }
            return new SimulatedCosmos.Repository(r.substring(0, eq), r.substring(eq + 1));
        }).toList());
    }

    /** Makes every token issued so far for the cluster answer 401, as after an IAM key rotation. */
    public void revokeTokens(String id) {
        cluster(id).revokeTokens();
    }

    /** Successful logins to the cluster so far. */
    public long logins(String id) {
        return cluster(id).logins();
    }

    public int registeredClusters() {
        return clusters.size();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    private SimCluster cluster(String id) {
        SimCluster cluster = clusters.get(id);
        if (cluster == null) {
            throw new NoSuchElementException("no simulated DC/OS cluster '" + id + "'");
        }
        return cluster;
    }
}
