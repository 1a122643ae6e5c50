package dev.magnetar.openstack.keystone;

import dev.magnetar.openstack.http.RetryPolicy;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * How Magnetar reaches Keystone as itself, like keystonemiddleware's {@code [keystone_authtoken]}.
 * Authenticates with a password or, when {@code applicationCredentialId} is set, an application
 * credential (whose secret then goes in {@code secret}).
 *
 * @param authUrl                 Keystone's v3 root, e.g. {@code http://127.0.0.1:5000/v3}
 * @param username                the service user, for password authentication
 * @param secret                  the password or the application credential's secret; never logged
 * @param userDomainName          the service user's domain
 * @param projectName             the project the service token is scoped to
 * @param projectDomainName       that project's domain
 * @param applicationCredentialId set to authenticate with an application credential instead of a password
 * @param interfaceName           the catalogue interface to use: public, internal or admin
 * @param region                  the catalogue region to use; null takes the first endpoint of the interface
 * @param validationMaxAge        how long a validated token is trusted before Keystone is asked again,
 *                                bounding how late a revocation is noticed
 * @param validationCacheSize     how many validated tokens are kept
 * @param requestTimeout          the time limit of one request to Keystone
 * @param retry                   retries of calls that got no answer or a 5xx
 */
public record KeystoneSettings(URI authUrl, String username, String secret, String userDomainName,
                               String projectName, String projectDomainName, String applicationCredentialId,
                               String interfaceName, String region, Duration validationMaxAge,
                               int validationCacheSize, Duration requestTimeout, RetryPolicy retry) {

    public KeystoneSettings {
        Objects.requireNonNull(authUrl, "authUrl");
        Objects.requireNonNull(secret, "secret");
        if (applicationCredentialId == null) {
            Objects.requireNonNull(username, "username (or an application credential id)");
            Objects.requireNonNull(projectName, "projectName (or an application credential id)");
        }
        userDomainName = userDomainName == null ? "Default" : userDomainName;
        projectDomainName = projectDomainName == null ? "Default" : projectDomainName;
        interfaceName = interfaceName == null ? "public" : interfaceName;
        validationMaxAge = validationMaxAge == null ? Duration.ofSeconds(60) : validationMaxAge;
        validationCacheSize = validationCacheSize <= 0 ? 10_000 : validationCacheSize;
        requestTimeout = requestTimeout == null ? Duration.ofSeconds(10) : requestTimeout;
        retry = retry == null ? RetryPolicy.DEFAULT : retry;
        String root = authUrl.toString();
        authUrl = URI.create(root.endsWith("/") ? root.substring(0, root.length() - 1) : root);
    }

    /** Password settings with the defaults for everything else. */
    public static KeystoneSettings password(URI authUrl, String username, String password, String projectName) {
        return new KeystoneSettings(authUrl, username, password, null, projectName, null, null, null, null, null,
                0, null, null);
    }

    @Override
    public String toString() {
        return "KeystoneSettings[authUrl=" + authUrl + ", username=" + username + ", userDomain=" + userDomainName
                + ", project=" + projectName + ", projectDomain=" + projectDomainName + ", applicationCredentialId="
                + applicationCredentialId + ", interface=" + interfaceName + ", region=" + region + ", secret=***]";
    }
}
