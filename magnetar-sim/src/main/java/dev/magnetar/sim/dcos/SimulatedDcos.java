package dev.magnetar.sim.dcos;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import dev.magnetar.sim.tls.CertificateAuthority;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * DC/OS's monitoring endpoints for many simulated clusters at once, on one loopback port: each
 * registered cluster answers under its own base URL ({@code https://127.0.0.1:<port>/c/<id>}), the
 * address a simulated cluster's {@code api_address} points to, as Admin Router would for a real one.
 * Like Admin Router it speaks HTTPS only, with a certificate issued by this simulator's own CA, made
 * at start, whose certificate every cluster serves at {@code /ca/dcos-ca.crt} (all clusters of one
 * simulator share it, where real clusters have one each). A second port presents a certificate from
 * another CA: a cluster with the {@link DcosFaults#wrongCa()} fault answers there, as a man in the
 * middle or a reinstalled cluster would.
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

    private static final String LOOPBACK = "127.0.0.1";
    private static final String CA_NAME = "Simulated DC/OS Root CA";

    private final Map<String, SimCluster> clusters = new ConcurrentHashMap<>();
    private final CertificateAuthority ca;
    private final HttpsServer server;
    private final HttpsServer impostor;
    private final ExecutorService executor;
    private final String origin;
    private final String impostorOrigin;

    private SimulatedDcos(CertificateAuthority ca, HttpsServer server, HttpsServer impostor, ExecutorService executor) {
        this.ca = ca;
        this.server = server;
        this.impostor = impostor;
        this.executor = executor;
        this.origin = "https://" + LOOPBACK + ":" + server.getAddress().getPort();
        this.impostorOrigin = "https://" + LOOPBACK + ":" + impostor.getAddress().getPort();
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
        return start(tokenLifetime, clock, CertificateAuthority.create(CA_NAME));
    }

    /**
     * Serves with DC/OS's token lifetime, the system clock and the CA kept in {@code caFile}, made
     * there on first start: the embedded default restarts as the same CA, so its pins still hold.
     */
    public static SimulatedDcos start(Path caFile) {
        return start(DEFAULT_TOKEN_LIFETIME, InstantSource.system(), CertificateAuthority.loadOrCreate(caFile, CA_NAME));
    }

    private static SimulatedDcos start(Duration tokenLifetime, InstantSource clock, CertificateAuthority ca) {
        try {
            HttpsServer server = listen(ca.serverContext(LOOPBACK));
            HttpsServer impostor = listen(CertificateAuthority.create("Simulated impostor CA").serverContext(LOOPBACK));
            ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
            SimulatedDcos dcos = new SimulatedDcos(ca, server, impostor, executor);
            AdminRouterHandler handler = new AdminRouterHandler(dcos.clusters, new SessionTokens(tokenLifetime), clock,
                    ca.certificatePem());
            for (HttpsServer listening : new HttpsServer[]{server, impostor}) {
                listening.createContext(AdminRouterHandler.PREFIX, handler);
                listening.setExecutor(executor);
                listening.start();
            }
            return dcos;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on loopback for the simulated DC/OS", e);
        }
    }

    private static HttpsServer listen(SSLContext tls) throws IOException {
        HttpsServer server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 1024);
        server.setHttpsConfigurator(new HttpsConfigurator(tls));
        return server;
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

    /**
     * The base URL Admin Router of cluster {@code id} answers under (no trailing slash): on the port
     * that presents another CA's certificate while the cluster has the {@link DcosFaults#wrongCa()}
     * fault.
     */
    public String apiAddress(String id) {
        SimCluster cluster = clusters.get(id);
        boolean wrongCa = cluster != null && cluster.faults().wrongCa();
        return (wrongCa ? impostorOrigin : origin) + AdminRouterHandler.PREFIX + id;
    }

    /** The CA every simulated cluster's certificate chains to, in PEM (what {@code /ca/dcos-ca.crt} serves). */
    public String caCertificatePem() {
        return ca.certificatePem();
    }

    /** A client TLS context that trusts this simulator's CA and nothing else, for tests and tools. */
    public SSLContext clientContext() {
        try {
            KeyStore trusted = KeyStore.getInstance("PKCS12");
            trusted.load(null, null);
            trusted.setCertificateEntry("simulated-dcos-ca", ca.certificate());
            TrustManagerFactory trust = TrustManagerFactory.getInstance("PKIX");
            trust.init(trusted);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, trust.getTrustManagers(), null);
            return context;
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("cannot trust the simulated CA", e);
        }
    }

    /** What the cluster was registered as: its nodes, release and agents' attributes. */
    public DcosClusterSpec spec(String id) {
        return cluster(id).spec;
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
        impostor.stop(0);
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
