package dev.magnetar.driver.dcos.upgrade;

import dev.magnetar.core.driver.NodeStep;
import dev.magnetar.core.port.StackAction;
import dev.magnetar.core.port.StackPhase;
import dev.magnetar.core.port.StackResource;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the nodes' upgrade steps from a DC/OS stack's resources: each node's upgrade wait condition
 * ({@code upgrade_wait_a} or {@code _b}, the slot of this upgrade) is created when the rolling update
 * reaches the node, and completes or fails with the node's own signal after it ran the node upgrade
 * script and checked that it rejoined healthy. The bootstrap server's comes first, then the masters',
 * then the agents' in member order, then each node pool's (its members named as its nodes are,
 * {@code <pool name>-<index>}).
 */
public final class UpgradeSteps {

    private static final Pattern MEMBER = Pattern.compile("^(masters|agents|public_agents)/(\\d+)/upgrade_wait_[ab]$");
    private static final Pattern POOL_MEMBER = Pattern.compile("^(pool_[0-9a-f]+)/(\\d+)/upgrade_wait_[ab]$");
    private static final Pattern BOOTSTRAP = Pattern.compile("^bootstrap_upgrade_wait_[ab]$");
    private static final Map<String, String> NODE_PREFIX = Map.of("masters", "master-", "agents", "agent-",
            "public_agents", "public-agent-");
    private static final List<String> ORDER = List.of("bootstrap", "masters", "agents", "public_agents");

    private UpgradeSteps() {
    }

    public static List<NodeStep> of(List<StackResource> resources, String release) {
        return of(resources, release, Map.of());
    }

    /**
     * @param pools each node pool's resource group name in the stack to the pool's name, in the pools' order
     */
    public static List<NodeStep> of(List<StackResource> resources, String release, Map<String, String> pools) {
        List<String> poolOrder = new ArrayList<>(pools.keySet());
        List<Ordered> steps = new ArrayList<>();
        for (StackResource resource : resources) {
            Matcher member = MEMBER.matcher(resource.path());
            Matcher poolMember = POOL_MEMBER.matcher(resource.path());
            int group;
            int index;
            String node;
            if (member.matches()) {
                group = ORDER.indexOf(member.group(1));
                index = Integer.parseInt(member.group(2));
                node = NODE_PREFIX.get(member.group(1)) + index;
            } else if (poolMember.matches() && pools.containsKey(poolMember.group(1))) {
                group = ORDER.size() + poolOrder.indexOf(poolMember.group(1));
                index = Integer.parseInt(poolMember.group(2));
                node = pools.get(poolMember.group(1)) + "-" + index;
            } else if (BOOTSTRAP.matcher(resource.path()).matches()) {
                group = ORDER.indexOf("bootstrap");
                index = 0;
                node = "bootstrap";
            } else {
                continue;
            }
            NodeStep step = step(node, resource, release);
            if (step != null) {
                steps.add(new Ordered(group, index, step));
            }
        }
        steps.sort(Comparator.comparingInt(Ordered::group).thenComparingInt(Ordered::index));
        return steps.stream().map(Ordered::step).toList();
    }

    private static NodeStep step(String node, StackResource resource, String release) {
        String what = node.equals("bootstrap") ? "generating the node upgrade script for DC/OS " + release
                : "upgrading to DC/OS " + release;
        if (resource.isInProgress()) {
            return new NodeStep(node, NodeStep.State.IN_PROGRESS, node + ": " + what);
        }
        if (resource.isFailed()) {
            String reason = resource.statusReason() == null || resource.statusReason().isBlank()
                    ? resource.status().toString() : resource.statusReason();
            return new NodeStep(node, NodeStep.State.FAILED, node + " failed its upgrade to DC/OS " + release
                    + ": " + reason);
        }
        // INIT_COMPLETE: defined but not reached (a member the rolling update stopped before), not a step taken
        if (resource.status().phase() == StackPhase.COMPLETE && resource.status().action() != StackAction.INIT) {
            return new NodeStep(node, NodeStep.State.COMPLETE, node.equals("bootstrap")
                    ? "bootstrap: serving the node upgrade script for DC/OS " + release
                    : node + ": upgraded to DC/OS " + release + " and healthy again");
        }
        return null;
    }

    private record Ordered(int group, int index, NodeStep step) {
    }
}
