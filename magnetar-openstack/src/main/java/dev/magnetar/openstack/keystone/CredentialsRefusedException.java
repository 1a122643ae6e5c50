package dev.magnetar.openstack.keystone;

/** Keystone refused to issue a token for the credentials given (HTTP 401 on {@code /v3/auth/tokens}). */
public class CredentialsRefusedException extends RuntimeException {

    public CredentialsRefusedException(String message) {
        super(message);
    }
}
