package dev.magnetar.driver.dcos.monitor;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.HashMap;
import java.util.Map;

/**
 * Whether each node pool's agents carry the Mesos attributes the pool asked for ({@code dcos_mesos_attributes}),
 * as the leading master lists them (docs/reference/dcos-facts.md#mesos-agents-and-their-attributes): schedulers
 * place work by these attributes (Marathon constraints), so an agent without them takes work meant elsewhere or
 * none of what it was added for. A missing or different attribute is named under the pool ({@code pool/<name>})
 * with the agent's address. Agents that did not register are left to the agent count of {@link MesosMasterCheck};
 * attributes an agent has beyond those asked for (DC/OS's own {@code public_ip}) are fine.
 */
final class PoolAttributesCheck implements EndpointCheck {

    @Override
    public String path() {
        return "/mesos/master/slaves";
    }

    @Override
    public String component() {
        return "agent_attributes";
    }

    @Override
    public void read(JsonNode body, ClusterShape shape, Findings findings) {
        JsonNode slaves = body.get("slaves");
        if (slaves == null || !slaves.isArray()) {
            findings.fail(component(), "answer from " + path() + " has no slaves list");
            return;
        }
        Map<String, JsonNode> byAddress = new HashMap<>();
        for (JsonNode agent : slaves) {
            byAddress.put(agent.path("hostname").asText(""), agent.path("attributes"));
        }
        for (ClusterShape.Pool pool : shape.pools()) {
            for (String address : pool.addresses()) {
                JsonNode attributes = byAddress.get(address);
                if (attributes == null) {
                    continue;
                }
                pool.attributes().forEach((key, wanted) -> {
                    JsonNode has = attributes.get(key);
                    if (has == null || has.isNull()) {
                        findings.fail("pool/" + pool.name(), "agent " + address + " lacks attribute " + key + ":"
                                + wanted);
                    } else if (!same(wanted, has)) {
                        findings.fail("pool/" + pool.name(), "agent " + address + " has attribute " + key + ":"
                                + has.asText() + ", not " + key + ":" + wanted);
                    }
                });
            }
        }
    }

    /** Mesos renders scalars as numbers ({@code 8} may come back as {@code 8.0}) and ranges with spaces. */
    private static boolean same(String wanted, JsonNode has) {
        if (has.isNumber()) {
            try {
                return Double.parseDouble(wanted) == has.asDouble();
            } catch (NumberFormatException e) {
                return false;
            }
        }
        return wanted.replace(" ", "").equals(has.asText().replace(" ", ""));
    }
}
