package dev.magnetar.openstack.keystone;

import java.util.List;
import java.util.Map;

/**
 * A way to obtain a token from Keystone v3, rendered as the {@code auth} object of
 * {@code POST /v3/auth/tokens}. Secrets stay inside; {@code toString} never shows them.
 */
public sealed interface AuthMethod {

    Map<String, Object> toAuthBody();

    /** A user's password, scoped to a project (by name in a domain, or by id). */
    record Password(String userName, String userDomainName, String userId, String password,
                    String projectName, String projectDomainName, String projectId) implements AuthMethod {

        public static Password byName(String userName, String userDomainName, String password,
                                      String projectName, String projectDomainName) {
            return new Password(userName, userDomainName, null, password, projectName, projectDomainName, null);
        }

        public static Password byId(String userId, String password, String projectId) {
            return new Password(null, null, userId, password, null, null, projectId);
        }

        @Override
        public Map<String, Object> toAuthBody() {
            Map<String, Object> user = userId != null ? Map.of("id", userId, "password", password)
                    : Map.of("name", userName, "domain", Map.of("name", userDomainName), "password", password);
            Map<String, Object> project = projectId != null ? Map.of("id", projectId)
                    : Map.of("name", projectName, "domain", Map.of("name", projectDomainName));
            return Map.of(
                    "identity", Map.of("methods", List.of("password"), "password", Map.of("user", user)),
                    "scope", Map.of("project", project));
        }

        @Override
        public String toString() {
            return "Password[user=" + (userId != null ? userId : userName + "@" + userDomainName) + ", project="
                    + (projectId != null ? projectId : projectName + "@" + projectDomainName) + ", password=***]";
        }
    }

    /** An application credential: its scope and roles were fixed when it was created. */
    record ApplicationCredential(String id, String secret) implements AuthMethod {

        @Override
        public Map<String, Object> toAuthBody() {
            return Map.of("identity", Map.of("methods", List.of("application_credential"),
                    "application_credential", Map.of("id", id, "secret", secret)));
        }

        @Override
        public String toString() {
            return "ApplicationCredential[id=" + id + ", secret=***]";
        }
    }
}
