package dev.magnetar.driver.kit.stack;

import dev.magnetar.core.error.MagnetarException;
import dev.magnetar.core.port.Stack;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A stack's agents as its {@code agent_members} output lists them ({@code name=private=public}),
 * so a scale-down may name an agent by either address or by its resource group member name.
 */
public final class AgentMembers {

    private final Map<String, String> nameByAddress;

    private AgentMembers(Map<String, String> nameByAddress) {
        this.nameByAddress = Collections.unmodifiableMap(nameByAddress);
    }

    public static AgentMembers of(Stack stack) {
        return of(stack, "agent_members");
    }

    /** The agents one output lists as {@code name=private=public}, e.g. a node pool's resource group's. */
    public static AgentMembers of(Stack stack, String output) {
        Map<String, String> byAddress = new LinkedHashMap<>();
        for (String entry : StackOutputs.strings(stack.outputs().get(output))) {
            String[] parts = entry.split("=", -1);
            if (parts.length == 3) {
                byAddress.put(parts[1], parts[0]);
                byAddress.put(parts[2], parts[0]);
            }
        }
        return new AgentMembers(byAddress);
    }

    /** Member name by private and by public address. */
    public Map<String, String> nameByAddress() {
        return nameByAddress;
    }

    /**
     * The member names of {@code nodes}, each given as a member name or an address, joined with
     * commas as the stack's removal policy takes them.
     *
     * @param anAgent what an agent of this COE is called in the refusal, e.g. "an agent"
     * @throws MagnetarException invalid, naming the first node that is no agent of the stack
     */
    public String memberNames(List<String> nodes, String anAgent) {
        List<String> names = new ArrayList<>();
        for (String node : nodes) {
            if (nameByAddress.containsValue(node)) {
                names.add(node);
            } else if (nameByAddress.containsKey(node)) {
                names.add(nameByAddress.get(node));
            } else {
                throw MagnetarException.invalid("nodes_to_remove: '" + node + "' is not " + anAgent + " of this "
                        + "cluster; give an agent's address or member name (" + String.join(", ",
                        nameByAddress.keySet()) + ")");
            }
        }
        return String.join(",", names);
    }
}
