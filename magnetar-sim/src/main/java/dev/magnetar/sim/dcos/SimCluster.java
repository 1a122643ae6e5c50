package dev.magnetar.sim.dcos;

import java.security.PublicKey;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/** One registered cluster: what it is, what is wrong with it, and its login bookkeeping. */
final class SimCluster {

    final DcosClusterSpec spec;
    /** Parsed once at registration, so a login costs a signature check and nothing more. */
    final PublicKey serviceAccountKey;
    private volatile DcosFaults faults = DcosFaults.NONE;
    private final AtomicInteger tokenGeneration = new AtomicInteger();
    private final LongAdder logins = new LongAdder();
    /** What Cosmos lists, in priority order; replaced whole under the cluster's lock by add and delete. */
    private volatile List<SimulatedCosmos.Repository> repositories = List.of(
            new SimulatedCosmos.Repository(SimulatedCosmos.DEFAULT_NAME, SimulatedCosmos.DEFAULT_URI));

    SimCluster(DcosClusterSpec spec) {
        this.spec = spec;
        this.serviceAccountKey = spec.oauthEnabled() ? LoginJwtVerifier.publicKey(spec.serviceAccountKeyPem()) : null;
    }

    DcosFaults faults() {
        return faults;
    }

    void faults(DcosFaults faults) {
        this.faults = faults;
    }

    List<SimulatedCosmos.Repository> repositories() {
        return repositories;
    }

    void repositories(List<SimulatedCosmos.Repository> repositories) {
        this.repositories = List.copyOf(repositories);
    }

    int tokenGeneration() {
        return tokenGeneration.get();
    }

    void revokeTokens() {
        tokenGeneration.incrementAndGet();
    }

    void loggedIn() {
        logins.increment();
    }

    long logins() {
        return logins.sum();
    }
}
