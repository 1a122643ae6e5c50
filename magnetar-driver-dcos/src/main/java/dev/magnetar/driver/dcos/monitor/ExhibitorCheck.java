package dev.magnetar.driver.dcos.monitor;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;

/**
 * The ZooKeeper ensemble as Exhibitor reports it (docs/reference/dcos-facts.md#marathon-and-exhibitor): one member
 * per master, each serving (code 3), exactly one of them leading.
 */
final class ExhibitorCheck implements EndpointCheck {

    private static final int SERVING = 3;

    @Override
    public String path() {
        return "/exhibitor/exhibitor/v1/cluster/status";
    }

    @Override
    public String component() {
        return "exhibitor";
    }

    @Override
    public void read(JsonNode members, ClusterShape shape, Findings findings) {
        if (!members.isArray()) {
            findings.fail(component(), "answer from " + path() + " is not a list of members");
            return;
        }
        int serving = 0;
        int leaders = 0;
        List<String> notServing = new ArrayList<>();
        for (JsonNode member : members) {
            if (member.path("code").asInt(-1) == SERVING) {
                serving++;
            } else {
                notServing.add(member.path("hostname").asText("?") + " " + member.path("description").asText("")
                        .trim() + " (code " + member.path("code").asText("missing") + ")");
            }
            if (member.path("isLeader").asBoolean(false)) {
                leaders++;
            }
        }
        if (serving < shape.masters()) {
            findings.fail(component(), serving + " of " + shape.masters() + " ZooKeeper members serving"
                    + (notServing.isEmpty() ? "" : ": " + String.join(", ", notServing)));
        }
        if (leaders != 1) {
            findings.fail(component(), leaders == 0 ? "no ZooKeeper leader" : leaders + " ZooKeeper leaders");
        }
    }
}
