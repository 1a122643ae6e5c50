package dev.magnetar.openstack.keystone;

/**
 * Keystone gave no usable answer (unreachable, timed out, 5xx, or refused Magnetar's own
 * credentials). The API maps it to 503: a request is never let through, nor failed with 500,
 * because the identity service is down.
 */
public class KeystoneUnavailableException extends RuntimeException {

    public KeystoneUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
