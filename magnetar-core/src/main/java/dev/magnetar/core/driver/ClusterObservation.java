package dev.magnetar.core.driver;

import java.util.List;

/**
 * What a driver reads back from a completed stack's outputs into the cluster's API fields.
 *
 * @param apiAddress      e.g. {@code https://203.0.113.10} for DC/OS's Admin Router
 * @param coeVersion      the COE's version, when the stack reports it
 * @param containerVersion the container runtime's version (Docker)
 * @param nodeGroupAddresses the addresses of each node group the cluster added, by the group's uuid
 */
public record ClusterObservation(String apiAddress, List<String> masterAddresses, List<String> nodeAddresses,
                                 String coeVersion, String containerVersion,
                                 java.util.Map<String, List<String>> nodeGroupAddresses) {

    public ClusterObservation {
        masterAddresses = masterAddresses == null ? List.of() : List.copyOf(masterAddresses);
        nodeAddresses = nodeAddresses == null ? List.of() : List.copyOf(nodeAddresses);
        nodeGroupAddresses = nodeGroupAddresses == null ? java.util.Map.of() : java.util.Map.copyOf(nodeGroupAddresses);
    }

    /** A cluster without added node groups. */
    public ClusterObservation(String apiAddress, List<String> masterAddresses, List<String> nodeAddresses,
                              String coeVersion, String containerVersion) {
        this(apiAddress, masterAddresses, nodeAddresses, coeVersion, containerVersion, java.util.Map.of());
    }
}
