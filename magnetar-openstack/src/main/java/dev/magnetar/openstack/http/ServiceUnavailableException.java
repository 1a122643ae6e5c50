package dev.magnetar.openstack.http;

/**
 * An OpenStack service could not give an answer: connection refused or reset, a time-out, or a 5xx
 * that outlasted the retries. Adapters translate it to their port's "try again later".
 */
public class ServiceUnavailableException extends RuntimeException {

    private final int status;

    public ServiceUnavailableException(String message, int status, Throwable cause) {
        super(message, cause);
        this.status = status;
    }

    /** The last HTTP status seen, or 0 when no answer came at all. */
    public int status() {
        return status;
    }
}
