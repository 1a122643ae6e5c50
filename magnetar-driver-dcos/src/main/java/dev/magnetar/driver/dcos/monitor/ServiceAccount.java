package dev.magnetar.driver.dcos.monitor;

import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;

/**
 * The DC/OS service account a cluster was installed with ({@code superuser_service_account_uid} and its key pair,
 * docs/reference/dcos-facts.md#the-superuser-service-account), read from the monitor's credentials.
 */
record ServiceAccount(String uid, PrivateKey privateKey) {

    /** Credential names in {@link dev.magnetar.core.driver.MonitorContext#credentials()}. */
    static final String UID = dev.magnetar.core.driver.MonitorContext.SERVICE_ACCOUNT_UID;
    static final String PRIVATE_KEY = dev.magnetar.core.driver.MonitorContext.SERVICE_ACCOUNT_PRIVATE_KEY;

    private static final String BEGIN = "-----BEGIN PRIVATE KEY-----";
    private static final String END = "-----END PRIVATE KEY-----";

    /** The account, or the reason the credentials do not make one. */
    static Result from(Map<String, String> credentials) {
        String uid = credentials.get(UID);
        String pem = credentials.get(PRIVATE_KEY);
        if (uid == null || uid.isBlank() || pem == null || pem.isBlank()) {
            return new Result(Optional.empty(), "oauth_enabled is true but the monitor has no service account ("
                    + UID + " and " + PRIVATE_KEY + ")");
        }
        int begin = pem.indexOf(BEGIN);
        int end = pem.indexOf(END);
        if (begin < 0 || end < begin) {
            return new Result(Optional.empty(), PRIVATE_KEY + " is not a PEM PKCS#8 private key (BEGIN PRIVATE KEY)");
        }
        try {
            byte[] der = Base64.getMimeDecoder().decode(pem.substring(begin + BEGIN.length(), end));
            return new Result(Optional.of(new ServiceAccount(uid, Rs256.privateKey(der))), null);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return new Result(Optional.empty(), PRIVATE_KEY + " is not an RSA private key: " + e.getMessage());
        }
    }

    record Result(Optional<ServiceAccount> account, String problem) {
    }

    @Override
    public String toString() {
        return "ServiceAccount[uid=" + uid + "]";
    }
}
