package dev.magnetar.core.port;

import dev.magnetar.core.model.Operation;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The outbox of durable operations. Claiming is a conditional update, so any number of conductor
 * replicas can drain it: exactly one wins each claim, and an expired lease (a crashed worker) makes
 * the operation claimable again.
 */
public interface OperationRepository {

    void insert(Operation operation);

    Optional<Operation> findById(String id);

    /**
     * Claims the oldest pending operation that is due ({@code notBefore <= now}) and not leased
     * (no lease, or lease expired), for {@code owner} until {@code now + lease}, counting one more
     * attempt. Empty when there is nothing to do or another worker won the race.
     */
    Optional<Operation> claimNext(String owner, Instant now, Duration lease);

    /** Marks the operation done, if {@code owner} still holds it. */
    boolean complete(String id, String owner, Instant now);

    /** Marks the operation failed for good, if {@code owner} still holds it. */
    boolean fail(String id, String owner, String error, Instant now);

    /** Gives the operation back for another attempt at {@code notBefore}, if {@code owner} still holds it. */
    boolean retryLater(String id, String owner, Instant notBefore, String error, Instant now);

    /** Pending operations of one cluster, oldest first. */
    List<Operation> pendingFor(String clusterUuid);

    int countPending();

    /** The uuids of the clusters that have a pending operation, in one read. */
    Set<String> clustersWithPending();
}
