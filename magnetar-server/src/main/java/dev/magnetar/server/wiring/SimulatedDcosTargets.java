package dev.magnetar.server.wiring;

import dev.magnetar.core.driver.DeploymentContext.MonitorAccount;
import dev.magnetar.core.model.Cluster;
import dev.magnetar.core.model.ClusterTemplate;
import dev.magnetar.core.model.NodeGroup;
import dev.magnetar.core.model.NodeGroupState;
import dev.magnetar.core.port.MonitorTarget;
import dev.magnetar.core.port.MonitorTargets;
import dev.magnetar.sim.dcos.DcosClusterSpec;
import dev.magnetar.sim.dcos.DcosFaults;
import dev.magnetar.sim.dcos.SimulatedDcos;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The simulated cloud's answer to "where is this cluster's COE": each DC/OS cluster it completed is
 * served by {@link SimulatedDcos} on loopback with the cluster's own node addresses (its added node pools'
 * agents too, each with the Mesos attributes its pool's {@code dcos_mesos_attributes} gave it), the DC/OS release
 * its labels name ({@code dcos_release}; 2.2.0 without one: so an upgraded cluster, monitored again once
 * its upgrade completed, reports the release it was upgraded to, as its nodes would) and,
 * when the cluster was installed with a monitoring account, that account's public key checking the
 * monitor's logins. A cluster with a local Universe starts with it listed first in Cosmos, as its
 * masters' install would leave it. A cluster's registration follows its shape (a resize re-registers
 * it, keeping the faults and the repositories set on it) and ends when it is no longer monitored. Other COEs have no simulated
 * endpoints, so the monitor reports them UNKNOWN rather than polling made-up addresses.
 */
final class SimulatedDcosTargets implements MonitorTargets {

    static final String DCOS_VERSION = "2.2.0";
    private static final String RELEASE = "dcos_release";
    private static final java.util.regex.Pattern RELEASE_NUMBER = java.util.regex.Pattern.compile("\\d+\\.\\d+\\.\\d+");
    private static final String PUBLIC_AGENT_COUNT = "dcos_public_agent_count";
    private static final String LOCAL_UNIVERSE = "dcos_local_universe_url";
    private static final String MESOS_ATTRIBUTES = "dcos_mesos_attributes";
    private static final String PUBLIC_AGENT = "public_agent";

    private final SimulatedDcos dcos;
    private final Map<String, DcosClusterSpec> registered = new ConcurrentHashMap<>();

    SimulatedDcosTargets(SimulatedDcos dcos) {
        this.dcos = dcos;
    }

    @Override
    public MonitorTarget targetOf(ClusterTemplate template, Cluster cluster, Optional<MonitorAccount> account) {
        if (!"dcos".equals(template.coe())) {
            return MonitorTarget.none("the simulated cloud serves no " + template.coe() + " endpoints to monitor");
        }
        DcosClusterSpec spec = specOf(cluster, account);
        DcosClusterSpec before = registered.put(cluster.uuid(), spec);
        if (!spec.equals(before) || !dcos.isRegistered(spec.id())) {
            boolean known = dcos.isRegistered(spec.id());
            DcosFaults faults = known ? dcos.faults(spec.id()) : DcosFaults.NONE;
            List<String> repositories = known ? dcos.repositories(spec.id()) : List.of();
            dcos.register(spec);
            dcos.setFaults(spec.id(), faults);
            if (known) {
                dcos.setRepositories(spec.id(), repositories);
            } else if (cluster.spec().labels().containsKey(LOCAL_UNIVERSE)) {
                // What the masters' install did: the bootstrap server's local Universe, first.
                List<String> installed = new java.util.ArrayList<>();
                installed.add("local-universe=http://" + bootstrapAddress(cluster) + ":8086/universe/repo.json");
                installed.addAll(dcos.repositories(spec.id()));
                dcos.setRepositories(spec.id(), installed);
            }
        }
        return MonitorTarget.at(dcos.apiAddress(spec.id()));
    }

    @Override
    public void retain(Set<String> monitoredClusterUuids) {
        for (String uuid : Set.copyOf(registered.keySet())) {
            if (!monitoredClusterUuids.contains(uuid)) {
                registered.remove(uuid);
                dcos.unregister(uuid);
            }
        }
    }

    static DcosClusterSpec specOf(Cluster cluster, Optional<MonitorAccount> account) {
        List<String> nodes = cluster.observed().nodeAddresses();
        String release = cluster.spec().labels().getOrDefault(RELEASE, "");
        String version = RELEASE_NUMBER.matcher(release).matches() ? release : DCOS_VERSION;
        int publicAgents = Math.min(nodes.size(), publicAgentCount(cluster));
        DcosClusterSpec spec;
        if (cluster.observed().masterAddresses().isEmpty()) {
            spec = DcosClusterSpec.of(cluster.uuid(), cluster.spec().masterCount(), nodes.size() - publicAgents,
                    publicAgents, version);
        } else {
            // The default agents, then each added pool's, as the stack's outputs name them; each agent with the
            // MESOS_ATTRIBUTES its install gave it (the pool's label, else the cluster's).
            List<String> agents = new ArrayList<>(nodes.subList(0, nodes.size() - publicAgents));
            List<String> publicIps = new ArrayList<>(nodes.subList(nodes.size() - publicAgents, nodes.size()));
            Map<String, String> attributes = new HashMap<>();
            String clusterAttributes = cluster.spec().labels().get(MESOS_ATTRIBUTES);
            if (clusterAttributes != null) {
                nodes.forEach(ip -> attributes.put(ip, clusterAttributes));
            }
            for (NodeGroup group : cluster.spec().nodeGroups()) {
                NodeGroupState state = cluster.observed().nodeGroupStates().get(group.uuid());
                List<String> addresses = state == null ? List.of() : state.nodeAddresses();
                (PUBLIC_AGENT.equals(group.role()) ? publicIps : agents).addAll(addresses);
                String own = group.labels().get(MESOS_ATTRIBUTES);
                if (own != null) {
                    addresses.forEach(ip -> attributes.put(ip, own));
                }
            }
            spec = new DcosClusterSpec(cluster.uuid(), cluster.observed().masterAddresses(), agents, publicIps,
                    version, false, null, null, attributes);
        }
        DcosClusterSpec built = spec;
        return account.map(a -> built.withOauth(a.uid(), a.publicKeyPem())).orElse(built);
    }

    /** A stand-in private address for the bootstrap server: the fourth of the cluster's subnet. */
    static String bootstrapAddress(Cluster cluster) {
        String network = cluster.spec().labels().getOrDefault("fixed_subnet_cidr", "10.0.0.0/24").split("/")[0];
        return network.substring(0, network.lastIndexOf('.') + 1) + "4";
    }

    /** The driver lists private agents first, then public ones, in node_addresses. */
    private static int publicAgentCount(Cluster cluster) {
        try {
            return Math.max(0, Integer.parseInt(cluster.spec().labels().getOrDefault(PUBLIC_AGENT_COUNT, "0").trim()));
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
