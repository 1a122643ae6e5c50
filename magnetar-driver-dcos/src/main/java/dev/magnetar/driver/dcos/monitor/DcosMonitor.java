package dev.magnetar.driver.dcos.monitor;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.magnetar.core.driver.ClusterMonitor;
import dev.magnetar.core.driver.HealthReport;
import dev.magnetar.core.driver.MonitorContext;
import dev.magnetar.core.driver.MonitorSession;
import dev.magnetar.core.model.Cluster;
import dev.magnetar.core.model.ClusterTemplate;
import dev.magnetar.driver.dcos.labels.DcosLabels;
import dev.magnetar.driver.dcos.labels.PackageRepositories.Repository;
import dev.magnetar.driver.kit.http.MonitorHttpClient;
import dev.magnetar.driver.kit.labels.ParsedLabels;

import dev.magnetar.driver.dcos.monitor.tls.FirstContactTrust;

import javax.net.ssl.SSLContext;
import java.io.IOException;
import java.net.http.HttpClient;
import java.time.InstantSource;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * Says whether a DC/OS cluster really works, by asking the cluster itself through Admin Router at
 * its {@code api_address}: the leading Mesos master's gauges, dcos-diagnostics' nodes and units,
 * Marathon's leadership and the Exhibitor (ZooKeeper) ensemble, and, for a cluster whose node pools ask for
 * Mesos attributes, the agents the master lists ({@link PoolAttributesCheck}), all requested at once and judged
 * against the shape the cluster was asked to have. Then the package catalogue, as a user meets it
 * ({@link UniverseStep}): the repositories the labels ask for are applied through Cosmos, and a
 * repository that is missing or does not answer is named under the reason key {@code universe}
 * without making the cluster UNHEALTHY.
 *
 * <p>HEALTHY only when every check passes; UNHEALTHY with a reason per failing component or node;
 * UNKNOWN only when no endpoint could be read at all (unreachable, no login possible, or every
 * request refused with 401), with the reason. Clusters with {@code oauth_enabled} are read as the service account they were installed
 * with: the monitor logs in with an RS256 JWT signed by the account's key (credentials
 * {@value #CREDENTIAL_UID} and {@value #CREDENTIAL_PRIVATE_KEY}), keeps the token in the poll's
 * {@link MonitorSession} (the service stores it, sealed, for later polls, restarts and replicas),
 * uses it until shortly before it expires, and logs in again when the cluster answers 401.
 *
 * <p>Every call goes over HTTPS and trusts one CA: the cluster's own, pinned in the poll's
 * {@link MonitorSession} (the service stores it with the cluster). A cluster with none yet has it
 * fetched first ({@link CaFetch}, trust on first fetch). A certificate that does not chain to the
 * pinned CA makes the poll UNKNOWN with the TLS failure as the reason; there is no fallback to plain
 * HTTP nor to trusting any certificate.
 *
 * <p>One instance serves every cluster: it is thread-safe, shares one HTTP client per pinned CA, and
 * a poll never blocks much longer than the context's request timeout.
 */
public final class DcosMonitor implements ClusterMonitor {

    /** {@link MonitorContext#credentials()} key: the service account's uid. */
    public static final String CREDENTIAL_UID = ServiceAccount.UID;
    /** {@link MonitorContext#credentials()} key: the service account's RSA private key, PEM PKCS#8. */
    public static final String CREDENTIAL_PRIVATE_KEY = ServiceAccount.PRIVATE_KEY;

    private static final List<EndpointCheck> CHECKS = List.of(new MesosMasterCheck(), new NodeHealthCheck(),
            new UnitHealthCheck(), new MarathonCheck(), new ExhibitorCheck(), new CoeVersionRead());
    private static final List<EndpointCheck> CHECKS_WITH_POOLS = java.util.stream.Stream.concat(CHECKS.stream(),
            java.util.stream.Stream.of(new PoolAttributesCheck())).toList();
    private static final ObjectMapper JSON = new ObjectMapper();

    private final PinnedClients pinned;
    private final HttpClient firstContact;
    private final InstantSource clock;
    private final ParsedLabels<DcosLabels> parsed;

    /** A monitor with {@link MonitorHttpClient}s (Admin Router is nginx) and the system clock. */
    public DcosMonitor() {
        this(MonitorHttpClient::create, InstantSource.system());
    }

    /**
     * @param clients makes the client the polls of clusters pinned to one CA share (its connection
     *                pool is what makes a sweep cheap), with the TLS context that trusts that CA
     * @param clock   dates login JWTs and judges whether a kept token is still worth using
     */
    public DcosMonitor(Function<SSLContext, HttpClient> clients, InstantSource clock) {
        this(clients, clock, new ParsedLabels<>(DcosLabels::read));
    }

    /** @param parsed the driver's parsed labels, shared with its rendering and monitor account decision */
    public DcosMonitor(Function<SSLContext, HttpClient> clients, InstantSource clock, ParsedLabels<DcosLabels> parsed) {
        this.pinned = new PinnedClients(clients);
        this.firstContact = clients.apply(FirstContactTrust.sslContext());
        this.clock = clock;
        this.parsed = parsed;
    }

    @Override
    public HealthReport poll(ClusterTemplate template, Cluster cluster, MonitorContext context) {
        Optional<String> unusable = AdminRouter.problemWith(cluster.observed().apiAddress());
        if (unusable.isPresent()) {
            return HealthReport.unknown(unusable.get());
        }
        Deadline deadline = Deadline.after(context.requestTimeout());
        PinnedClients.Pinned trust = trust(cluster.observed().apiAddress(), context.session(), deadline);
        if (trust.client() == null) {
            return HealthReport.unknown(trust.problem());
        }
        AdminRouter router = new AdminRouter(trust.client(), cluster.observed().apiAddress());
        DcosLabels labels = parsed.of(cluster.spec().labels());
        ClusterShape shape = ClusterShape.of(cluster, labels);
        Optional<List<Repository>> repositories = labels.packageRepositories();
        if (!labels.oauthEnabled()) {
            UniverseStep.Pending universe = UniverseStep.start(router, null, deadline);
            return assess(readAll(checks(shape), router, null, deadline), shape, cluster.observed().apiAddress(),
                    findings -> UniverseStep.finish(universe, router, null, repositories, deadline, findings));
        }
        Map<String, String> credentials = context.credentials();
        MonitorSession session = context.session();
        Optional<AuthToken> kept = session.token().map(t -> new AuthToken(t.value(), t.expiresAt()))
                .filter(t -> t.usable(clock.instant()));
        ServiceAccountLogin.Outcome login = kept.map(t -> new ServiceAccountLogin.Outcome(t, null))
                .orElseGet(() -> login(router, credentials, session, deadline));
        if (login.token() == null) {
            return HealthReport.unknown(login.failure());
        }
        UniverseStep.Pending universe = UniverseStep.start(router, login.token().value(), deadline);
        Map<EndpointCheck, Reply> replies = readAll(checks(shape), router, login.token().value(), deadline);
        List<EndpointCheck> refused = replies.entrySet().stream().filter(e -> unauthorized(e.getValue()))
                .map(Map.Entry::getKey).toList();
        if (kept.isPresent() && !refused.isEmpty()) {
            session.forget();
            login = login(router, credentials, session, deadline);
            if (login.token() == null) {
                return HealthReport.unknown(login.failure());
            }
            if (universe.refused()) {
                universe = UniverseStep.start(router, login.token().value(), deadline);
            }
            replies.putAll(readAll(refused, router, login.token().value(), deadline));
        }
        String token = login.token().value();
        UniverseStep.Pending catalogue = universe;
        return assess(replies, shape, cluster.observed().apiAddress(),
                findings -> UniverseStep.finish(catalogue, router, token, repositories, deadline, findings));
    }

    /** The agents' attributes are read only for a cluster with a pool that asks for some: one request fewer for the rest. */
    private static List<EndpointCheck> checks(ClusterShape shape) {
        return shape.pools().isEmpty() ? CHECKS : CHECKS_WITH_POOLS;
    }

    /**
     * The client that trusts the cluster's pinned CA; for a cluster with none, the CA fetched now and
     * pinned in the session. Without a client, why there is none.
     */
    private PinnedClients.Pinned trust(String apiAddress, MonitorSession session, Deadline deadline) {
        Optional<String> kept = session.pinnedCa();
        if (kept.isPresent()) {
            PinnedClients.Pinned known = pinned.forPem(kept.get());
            return known.client() != null ? known
                    : new PinnedClients.Pinned(null, null, "the CA pinned for Admin Router is unusable: " + known.problem());
        }
        CaFetch.Outcome fetched = CaFetch.fetch(firstContact, apiAddress, deadline);
        if (fetched.ca().isEmpty()) {
            return new PinnedClients.Pinned(null, null, fetched.failure());
        }
        session.pinCa(fetched.ca().get().pem());
        return pinned.forPem(session.pinnedCa().orElseThrow());
    }

    /**
     * Logs in as the service account the credentials name and keeps the token in the session. The
     * private key is parsed only here: a poll with a good kept token never needs it.
     */
    private ServiceAccountLogin.Outcome login(AdminRouter router, Map<String, String> credentials,
                                              MonitorSession session, Deadline deadline) {
        ServiceAccount.Result account = ServiceAccount.from(credentials);
        if (account.account().isEmpty()) {
            return new ServiceAccountLogin.Outcome(null, account.problem());
        }
        ServiceAccountLogin.Outcome outcome = ServiceAccountLogin.login(router, account.account().get(), clock,
                deadline).join();
        if (outcome.token() != null) {
            session.keep(new MonitorSession.Token(outcome.token().value(), outcome.token().expiresAt()));
        }
        return outcome;
    }

    private static Map<EndpointCheck, Reply> readAll(List<EndpointCheck> checks, AdminRouter router, String token,
                                                     Deadline deadline) {
        Map<EndpointCheck, CompletableFuture<Reply>> pending = new LinkedHashMap<>();
        checks.forEach(check -> pending.put(check, router.get(check.path(), token, deadline)));
        Map<EndpointCheck, Reply> replies = new LinkedHashMap<>();
        pending.forEach((check, reply) -> replies.put(check, reply.join()));
        return replies;
    }

    private static boolean unauthorized(Reply reply) {
        return reply instanceof Reply.Answered a && a.status() == 401
                || reply instanceof Reply.Unreadable u && u.status() == 401;
    }

    /**
     * @param universe what a user of the package catalogue would meet, read once DC/OS itself answered
     */
    private static HealthReport assess(Map<EndpointCheck, Reply> replies, ClusterShape shape, String apiAddress,
                                       java.util.function.Consumer<Findings> universe) {
        if (replies.values().stream().allMatch(Reply.Unreachable.class::isInstance)) {
            String why = ((Reply.Unreachable) replies.values().iterator().next()).why();
            return HealthReport.unknown("cannot reach Admin Router at " + apiAddress + ": " + why);
        }
        if (replies.values().stream().allMatch(DcosMonitor::unauthorized)) {
            return HealthReport.unknown("Admin Router at " + apiAddress + " answers 401 to every request: the "
                    + "cluster requires authentication the monitor could not give (is oauth_enabled right?)");
        }
        Findings findings = new Findings();
        findings.metric("agents_expected", shape.agents());
        replies.forEach((check, reply) -> judge(check, reply, shape, findings));
        universe.accept(findings);
        return findings.report();
    }

    private static void judge(EndpointCheck check, Reply reply, ClusterShape shape, Findings findings) {
        switch (reply) {
            case Reply.Unreachable u -> check.unavailable(u.why() + " from " + u.path(), findings);
            case Reply.Unreadable u -> check.unavailable("HTTP " + u.status() + " from " + u.path() + ": " + u.why(),
                    findings);
            case Reply.Answered a when !a.ok() -> check.unavailable("HTTP " + a.status() + " from " + a.path(),
                    findings);
            case Reply.Answered a -> {
                JsonNode body;
                try {
                    body = JSON.readTree(a.body());
                } catch (IOException e) {
                    check.unavailable("answer from " + a.path() + " is not JSON", findings);
                    return;
                }
                check.read(body, shape, findings);
            }
        }
    }
}
