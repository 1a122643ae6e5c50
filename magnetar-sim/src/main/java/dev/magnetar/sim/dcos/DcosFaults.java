package dev.magnetar.sim.dcos;

import java.time.Duration;
import java.util.HashSet;
import java.util.Set;

/**
 * What is wrong with a simulated DC/OS cluster. Faults are independent of each other, so each can
 * be tested on its own; combine them with the {@code with…} methods.
 *
 * @param unhealthyNodes        node addresses dcos-diagnostics reports with health 1
 * @param unhealthyUnits        systemd unit ids (e.g. {@code dcos-marathon.service}) reported with health 1
 * @param noMesosLeader         no Mesos master is elected; Admin Router reaches a non-leading one
 * @param missingAgents         agents (private first, then public) that neither register with Mesos
 *                              nor report to dcos-diagnostics
 * @param zookeeperMembersDown  Exhibitor members (from the last master back) that are not serving
 * @param marathonDown          Admin Router answers 502 for Marathon
 * @param responseDelay         every answer of the cluster waits this long, at most {@link #MAX_DELAY}
 * @param unreachableRepositories names of package repositories Cosmos cannot fetch: a search fails naming
 *                              the first of them that the cluster lists, as Cosmos fails on the first
 *                              repository it cannot read
 * @param wrongCa               Admin Router presents a certificate from a CA other than the cluster's
 *                              (a man in the middle, or a cluster reinstalled under the same address)
 * @param attributesDropped     agent addresses that register with Mesos without the attributes they were
 *                              installed with (an agent whose flags file was overwritten, or that was
 *                              restarted with a fresh work directory)
 */
public record DcosFaults(Set<String> unhealthyNodes, Set<String> unhealthyUnits, boolean noMesosLeader,
                         int missingAgents, int zookeeperMembersDown, boolean marathonDown, Duration responseDelay,
                         Set<String> unreachableRepositories, boolean wrongCa, Set<String> attributesDropped) {

    /** Slow, not hung: a delay is bounded so a simulated cluster can never hold a server thread for long. */
    public static final Duration MAX_DELAY = Duration.ofSeconds(30);

    public static final DcosFaults NONE = new DcosFaults(Set.of(), Set.of(), false, 0, 0, false, Duration.ZERO,
            Set.of(), false, Set.of());

    /** Faults with the certificate right. */
    public DcosFaults(Set<String> unhealthyNodes, Set<String> unhealthyUnits, boolean noMesosLeader, int missingAgents,
                      int zookeeperMembersDown, boolean marathonDown, Duration responseDelay,
                      Set<String> unreachableRepositories) {
        this(unhealthyNodes, unhealthyUnits, noMesosLeader, missingAgents, zookeeperMembersDown, marathonDown,
                responseDelay, unreachableRepositories, false);
    }

    /** Faults with every agent's attributes as installed. */
    public DcosFaults(Set<String> unhealthyNodes, Set<String> unhealthyUnits, boolean noMesosLeader, int missingAgents,
                      int zookeeperMembersDown, boolean marathonDown, Duration responseDelay,
                      Set<String> unreachableRepositories, boolean wrongCa) {
        this(unhealthyNodes, unhealthyUnits, noMesosLeader, missingAgents, zookeeperMembersDown, marathonDown,
                responseDelay, unreachableRepositories, wrongCa, Set.of());
    }

    public DcosFaults {
        unhealthyNodes = Set.copyOf(unhealthyNodes);
        unhealthyUnits = Set.copyOf(unhealthyUnits);
        unreachableRepositories = Set.copyOf(unreachableRepositories);
        attributesDropped = Set.copyOf(attributesDropped);
        if (missingAgents < 0 || zookeeperMembersDown < 0) {
            throw new IllegalArgumentException("fault counts cannot be negative");
        }
        if (responseDelay.isNegative() || responseDelay.compareTo(MAX_DELAY) > 0) {
            throw new IllegalArgumentException("response delay must be between 0 and " + MAX_DELAY);
        }
    }

    public DcosFaults withUnhealthyNode(String ip) {
        return new DcosFaults(plus(unhealthyNodes, ip), unhealthyUnits, noMesosLeader, missingAgents,
                zookeeperMembersDown, marathonDown, responseDelay, unreachableRepositories, wrongCa, attributesDropped);
    }

    public DcosFaults withUnhealthyUnit(String unitId) {
        return new DcosFaults(unhealthyNodes, plus(unhealthyUnits, unitId), noMesosLeader, missingAgents,
                zookeeperMembersDown, marathonDown, responseDelay, unreachableRepositories, wrongCa, attributesDropped);
    }

    public DcosFaults withNoMesosLeader() {
        return new DcosFaults(unhealthyNodes, unhealthyUnits, true, missingAgents, zookeeperMembersDown,
                marathonDown, responseDelay, unreachableRepositories, wrongCa, attributesDropped);
    }

    public DcosFaults withMissingAgents(int count) {
        return new DcosFaults(unhealthyNodes, unhealthyUnits, noMesosLeader, count, zookeeperMembersDown,
                marathonDown, responseDelay, unreachableRepositories, wrongCa, attributesDropped);
    }

    public DcosFaults withZookeeperMembersDown(int count) {
        return new DcosFaults(unhealthyNodes, unhealthyUnits, noMesosLeader, missingAgents, count, marathonDown,
                responseDelay, unreachableRepositories, wrongCa, attributesDropped);
    }

    public DcosFaults withMarathonDown() {
        return new DcosFaults(unhealthyNodes, unhealthyUnits, noMesosLeader, missingAgents, zookeeperMembersDown,
                true, responseDelay, unreachableRepositories, wrongCa, attributesDropped);
    }

    public DcosFaults withResponseDelay(Duration delay) {
        return new DcosFaults(unhealthyNodes, unhealthyUnits, noMesosLeader, missingAgents, zookeeperMembersDown,
                marathonDown, delay, unreachableRepositories, wrongCa, attributesDropped);
    }

    public DcosFaults withUnreachableRepository(String name) {
        return new DcosFaults(unhealthyNodes, unhealthyUnits, noMesosLeader, missingAgents, zookeeperMembersDown,
                marathonDown, responseDelay, plus(unreachableRepositories, name), wrongCa, attributesDropped);
    }

    public DcosFaults withWrongCa() {
        return new DcosFaults(unhealthyNodes, unhealthyUnits, noMesosLeader, missingAgents, zookeeperMembersDown,
                marathonDown, responseDelay, unreachableRepositories, true, attributesDropped);
    }

    /** The agent at {@code ip} registers with no attributes at all. */
    public DcosFaults withAttributesDropped(String ip) {
        return new DcosFaults(unhealthyNodes, unhealthyUnits, noMesosLeader, missingAgents, zookeeperMembersDown,
                marathonDown, responseDelay, unreachableRepositories, wrongCa, plus(attributesDropped, ip));
    }

    private static Set<String> plus(Set<String> set, String value) {
        Set<String> copy = new HashSet<>(set);
        copy.add(value);
        return copy;
    }
}
