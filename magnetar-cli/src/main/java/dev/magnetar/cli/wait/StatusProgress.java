package dev.magnetar.cli.wait;

import dev.magnetar.core.model.ClusterStatus;

import java.util.Optional;

/**
 * Reads a bay's or cluster's {@code status} string with the core's status model: in progress,
 * failed, or settled. A status this client does not know (a newer server) is judged by its suffix.
 */
final class StatusProgress {

    private StatusProgress() {
    }

    static boolean isInProgress(String status) {
        return status == null || known(status).map(ClusterStatus::isInProgress).orElse(status.endsWith("_IN_PROGRESS"));
    }

    static boolean isFailed(String status) {
        return status != null && known(status).map(ClusterStatus::isFailed).orElse(status.endsWith("_FAILED"));
    }

    private static Optional<ClusterStatus> known(String status) {
        try {
            return Optional.of(ClusterStatus.valueOf(status));
        } catch (IllegalArgumentException unknown) {
            return Optional.empty();
        }
    }
}
