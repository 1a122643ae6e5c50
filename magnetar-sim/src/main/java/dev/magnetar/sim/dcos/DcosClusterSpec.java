package dev.magnetar.sim.dcos;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A simulated DC/OS cluster as registered with {@link SimulatedDcos}: its node addresses by role,
 * the DC/OS version it reports, and, when {@code oauth_enabled}, the service account whose RS256
 * public key checks login JWTs.
 *
 * @param id                   URL-safe identifier; the cluster is served under {@code /c/<id>}
 * @param serviceAccountUid    the account allowed to log in, or null when oauth is off
 * @param serviceAccountKeyPem its RSA public key, PEM ({@code BEGIN PUBLIC KEY}), or null when oauth is off
 * @param agentAttributes      agent address to the {@code MESOS_ATTRIBUTES} it was installed with
 *                             ({@code key:value;...}); agents not named have none (public agents report
 *                             {@code public_ip:true}, which DC/OS sets for them, unless it is named)
 */
public record DcosClusterSpec(String id, List<String> masterIps, List<String> agentIps, List<String> publicAgentIps,
                              String dcosVersion, boolean oauthEnabled, String serviceAccountUid,
                              String serviceAccountKeyPem, Map<String, String> agentAttributes) {

    /** A cluster whose agents have no attributes of their own. */
    public DcosClusterSpec(String id, List<String> masterIps, List<String> agentIps, List<String> publicAgentIps,
                           String dcosVersion, boolean oauthEnabled, String serviceAccountUid,
                           String serviceAccountKeyPem) {
        this(id, masterIps, agentIps, publicAgentIps, dcosVersion, oauthEnabled, serviceAccountUid,
                serviceAccountKeyPem, Map.of());
    }

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9._-]{1,128}");

    public DcosClusterSpec {
        Objects.requireNonNull(id, "id");
        if (!ID.matcher(id).matches()) {
            throw new IllegalArgumentException("cluster id '" + id + "' must match " + ID.pattern());
        }
        masterIps = List.copyOf(masterIps);
        agentIps = List.copyOf(agentIps);
        publicAgentIps = List.copyOf(publicAgentIps);
        agentAttributes = agentAttributes == null ? Map.of() : Map.copyOf(agentAttributes);
        if (masterIps.isEmpty()) {
            throw new IllegalArgumentException("a DC/OS cluster has at least one master");
        }
        Objects.requireNonNull(dcosVersion, "dcosVersion");
        if (oauthEnabled && (serviceAccountUid == null || serviceAccountKeyPem == null)) {
            throw new IllegalArgumentException("oauth needs a service account uid and public key");
        }
    }

    /**
     * A cluster without authentication whose nodes get made-up addresses: masters 10.0.0.11…,
     * private agents 10.1.0.1…, public agents 10.2.0.1….
     */
    public static DcosClusterSpec of(String id, int masters, int agents, int publicAgents, String dcosVersion) {
        return new DcosClusterSpec(id, addresses("10.0", 10, masters), addresses("10.1", 0, agents),
                addresses("10.2", 0, publicAgents), dcosVersion, false, null, null);
    }

    /** The same cluster with {@code oauth_enabled} and the given service account. */
    public DcosClusterSpec withOauth(String uid, String publicKeyPem) {
        return new DcosClusterSpec(id, masterIps, agentIps, publicAgentIps, dcosVersion, true,
                Objects.requireNonNull(uid, "uid"), Objects.requireNonNull(publicKeyPem, "publicKeyPem"),
                agentAttributes);
    }

    /** The same cluster with these agents' {@code MESOS_ATTRIBUTES}, by agent address. */
    public DcosClusterSpec withAgentAttributes(Map<String, String> attributes) {
        return new DcosClusterSpec(id, masterIps, agentIps, publicAgentIps, dcosVersion, oauthEnabled,
                serviceAccountUid, serviceAccountKeyPem, attributes);
    }

    /** Mesos agents, private and public. */
    public int agentCount() {
        return agentIps.size() + publicAgentIps.size();
    }

    /** {@code prefix.(n / 250).(n % 250 + 1)} for n from {@code first}: 250 hosts per /24, none ending in 0. */
    private static List<String> addresses(String prefix, int first, int count) {
        if (count < 0) {
            throw new IllegalArgumentException("node counts cannot be negative");
        }
        List<String> ips = new ArrayList<>(count);
        for (int n = first; n < first + count; n++) {
            ips.add(prefix + "." + (n / 250) + "." + (n % 250 + 1));
        }
        return ips;
    }
}
