package dev.magnetar.core.port;

/**
 * A failed orchestrator call. {@link Kind#TRANSIENT} (5xx, time-outs, connection refused) is worth a
 * retry with backoff; {@link Kind#REJECTED} (4xx) is the orchestrator's verdict, whose message
 * belongs in the cluster's {@code status_reason}.
 */
public class OrchestratorException extends RuntimeException {

    public enum Kind { TRANSIENT, REJECTED, NOT_FOUND, CONFLICT }

    private final Kind kind;

    public OrchestratorException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public OrchestratorException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
