package dev.magnetar.openstack.keystone;

import java.time.Instant;

/**
 * An application credential Keystone made. The secret is known only at creation; {@code toString}
 * hides it.
 */
public record ApplicationCredential(String id, String name, String userId, String projectId, String secret,
                                    Instant expiresAt) {

    public AuthMethod.ApplicationCredential authMethod() {
        return new AuthMethod.ApplicationCredential(id, secret);
    }

    @Override
    public String toString() {
        return "ApplicationCredential[id=" + id + ", name=" + name + ", userId=" + userId + ", projectId="
                + projectId + ", expiresAt=" + expiresAt + ", secret=***]";
    }
}
