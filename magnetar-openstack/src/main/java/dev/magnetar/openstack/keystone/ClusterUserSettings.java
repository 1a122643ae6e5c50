package dev.magnetar.openstack.keystone;

import java.util.List;
import java.util.Objects;

/**
 * Where and how the per-cluster Keystone users are made.
 *
 * @param domainName    the domain that holds only Magnetar's cluster users (e.g. {@code magnetar})
 * @param roles         the roles each cluster user gets in its cluster's project (Heat needs
 *                      {@code member}; Cinder for REX-Ray needs the same)
 * @param derivationKey the service-wide secret every cluster user's password is derived from;
 *                      changing it makes existing clusters' passwords wrong until they are re-established
 */
public record ClusterUserSettings(String domainName, List<String> roles, String derivationKey) {

    public ClusterUserSettings {
        domainName = domainName == null || domainName.isBlank() ? "magnetar" : domainName;
        roles = roles == null || roles.isEmpty() ? List.of("member") : List.copyOf(roles);
        Objects.requireNonNull(derivationKey, "derivationKey");
        if (derivationKey.length() < 16) {
            throw new IllegalArgumentException("The cluster credential key must have at least 16 characters");
        }
    }

    @Override
    public String toString() {
        return "ClusterUserSettings[domain=" + domainName + ", roles=" + roles + ", derivationKey=***]";
    }
}
