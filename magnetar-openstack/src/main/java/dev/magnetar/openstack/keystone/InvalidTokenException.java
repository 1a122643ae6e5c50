package dev.magnetar.openstack.keystone;

/** The token presented is unknown, expired or revoked: Keystone answered 404 (or 401) for it. */
public class InvalidTokenException extends RuntimeException {

    public InvalidTokenException(String message) {
        super(message);
    }
}
