package dev.magnetar.core.monitor;

import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Which clusters this conductor replica monitors: each cluster goes to the live replica with the
 * highest hash of (replica, cluster) — rendezvous hashing — so every replica decides alike from the
 * same list without talking to the others, each takes about 1/n of the clusters, and a replica
 * joining or leaving moves only its own share. A replica alone takes every cluster.
 */
public final class ReplicaShare {

    private final String self;
    private final Supplier<? extends Collection<String>> liveReplicas;

    /**
     * @param self         this replica's name, as it heartbeats
     * @param liveReplicas the replicas reported up now (this one is counted in even before its first
     *                     heartbeat shows)
     */
    public ReplicaShare(String self, Supplier<? extends Collection<String>> liveReplicas) {
        this.self = self;
        this.liveReplicas = liveReplicas;
    }

    /** A replica that monitors every cluster. */
    public static ReplicaShare alone(String self) {
        return new ReplicaShare(self, Set::of);
    }

    public String self() {
        return self;
    }

    /** The live replicas at this moment: one read, to apply to a whole sweep. */
    public Set<String> replicas() {
        Set<String> replicas = new LinkedHashSet<>(liveReplicas.get());
        replicas.add(self);
        return replicas;
    }

    /** Whether {@code self} owns the cluster among {@code replicas}. */
    public boolean owns(Set<String> replicas, String clusterUuid) {
        return ownerOf(replicas, clusterUuid).equals(self);
    }

    static String ownerOf(Collection<String> replicas, String clusterUuid) {
        return replicas.stream()
                .max(Comparator.comparingLong((String replica) -> StableHash.of(replica + "\n" + clusterUuid))
                        .thenComparing(Comparator.naturalOrder()))
                .orElseThrow();
    }
}
