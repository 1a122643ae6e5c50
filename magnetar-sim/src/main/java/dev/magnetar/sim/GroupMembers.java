package dev.magnetar.sim;

import dev.magnetar.sim.hot.Values;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * A ResourceGroup's members after a resize: removal_policies choose whom a shrink removes (by
 * name or physical id), else the highest indexes go; a removed name is never reused.
 */
record GroupMembers(List<String> members, List<String> removed) {

    static GroupMembers resize(int count, Map<String, Object> properties, String path, ResourceState before,
                               Map<String, ResourceState> previous) {
        List<String> members = new ArrayList<>(before == null ? List.of() : before.members());
        List<String> removed = new ArrayList<>(before == null ? List.of() : before.removed());
        if (count < members.size()) {
            for (String candidate : removalCandidates(properties, path, members, previous)) {
                if (members.size() > count) {
                    members.remove(candidate);
                    removed.add(candidate);
                }
            }
            members.sort(Comparator.comparingInt(Integer::parseInt));
            while (members.size() > count) {
                members.remove(members.size() - 1);
            }
        }
        for (int index = 0; members.size() < count; index++) {
            String name = Integer.toString(index);
            if (!members.contains(name) && !removed.contains(name)) {
                members.add(name);
            }
        }
        members.sort(Comparator.comparingInt(Integer::parseInt));
        return new GroupMembers(List.copyOf(members), List.copyOf(removed));
    }

    /** The members removal_policies name (by name or by physical id), in the order given. */
    private static List<String> removalCandidates(Map<String, Object> properties, String path, List<String> members,
                                                  Map<String, ResourceState> previous) {
        List<String> candidates = new ArrayList<>();
        for (Object policy : Values.list(properties.get("removal_policies"))) {
            if (policy instanceof Map<?, ?> map) {
                for (Object entry : Values.list(map.get("resource_list"))) {
                    String wanted = Values.string(entry);
                    for (String member : members) {
                        ResourceState state = previous.get(path + "/" + member);
                        if (member.equals(wanted) || (state != null && wanted.equals(state.physicalId()))) {
                            candidates.add(member);
                        }
                    }
                }
            }
        }
        return candidates;
    }
}
