package dev.magnetar.driver.dcos.labels;

import com.fasterxml.jackson.databind.JsonNode;
import dev.magnetar.driver.kit.labels.LabelTypes;
import dev.magnetar.driver.kit.labels.ValueCheck;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * {@code dcos_overlay_network}: DC/OS 2.2's rules for the virtual network map (gen's
 * {@code validate_dcos_overlay_network}). Magnum rendered it without {@code vtep_subnet6}, which
 * 2.1+ rejects; here the user's JSON is parsed, judged whole and passed on as a tree.
 */
public final class OverlayNetwork {

    /** DC/OS's default Calico network, which the overlay subnets must not overlap. */
    public static final String CALICO_NETWORK_CIDR = "172.29.0.0/16";

    private static final Pattern MAC_OUI = Pattern.compile("([0-9A-Fa-f]{2}:){5}[0-9A-Fa-f]{2}");

    private OverlayNetwork() {
    }

    public static Optional<JsonNode> parse(String value) {
        return LabelTypes.jsonObject(value);
    }

    public static ValueCheck check() {
        return value -> parse(value).map(OverlayNetwork::problems)
                .orElse(List.of("must be a JSON object with vtep_subnet, vtep_subnet6, vtep_mac_oui and overlays"))
                .stream().reduce((a, b) -> a + "; " + b);
    }

    /** Every rule the map breaks; empty when DC/OS 2.2 would accept it. */
    public static List<String> problems(JsonNode network) {
        List<String> problems = new ArrayList<>();
        if (!text(network, "vtep_subnet").flatMap(Cidr::parseIpv4).isPresent()) {
            problems.add("vtep_subnet must be an IPv4 CIDR");
        }
        if (!text(network, "vtep_subnet6").flatMap(Cidr::parseIpv6).isPresent()) {
            problems.add("vtep_subnet6 must be an IPv6 CIDR (required since DC/OS 2.1)");
        }
        if (!text(network, "vtep_mac_oui").filter(m -> MAC_OUI.matcher(m).matches()).isPresent()) {
            problems.add("vtep_mac_oui must be a MAC address such as 70:B3:D5:00:00:00");
        }
        JsonNode mtu = network.get("vtep_mtu");
        if (mtu != null && !(mtu.isInt() && mtu.intValue() >= 552)) {
            problems.add("vtep_mtu must be an integer of at least 552");
        }
        JsonNode overlays = network.get("overlays");
        if (overlays == null || !overlays.isArray() || overlays.isEmpty()) {
            problems.add("overlays must be a non-empty list");
            return problems;
        }
        for (JsonNode overlay : overlays) {
            String name = overlay.path("name").asText("");
            if (!overlay.path("name").isTextual() || name.isEmpty() || name.length() > 13) {
                problems.add("each overlay needs a name of 1 to 13 characters");
            }
            JsonNode subnet = overlay.get("subnet");
            JsonNode subnet6 = overlay.get("subnet6");
            if (subnet == null && subnet6 == null) {
                problems.add("overlay '" + name + "' needs subnet and/or subnet6");
            }
            if (subnet != null && Cidr.parseIpv4(subnet.asText()).isEmpty()) {
                problems.add("overlay '" + name + "' subnet must be an IPv4 CIDR");
            }
            if (subnet6 != null && Cidr.parseIpv6(subnet6.asText()).isEmpty()) {
                problems.add("overlay '" + name + "' subnet6 must be an IPv6 CIDR");
            }
            JsonNode prefix = overlay.get("prefix");
            if (prefix != null && !(prefix.isInt() && prefix.intValue() >= 0 && prefix.intValue() <= 32)) {
                problems.add("overlay '" + name + "' prefix must be an integer from 0 to 32");
            }
            JsonNode enabled = overlay.get("enabled");
            if (enabled != null && !enabled.isBoolean()) {
                problems.add("overlay '" + name + "' enabled must be true or false");
            }
        }
        return problems;
    }

    /** IPv4 overlay subnets that overlap Calico's network (DC/OS 2.1+ refuses them while calico is on). */
    public static List<String> subnetsOverlapping(JsonNode network, String cidr) {
        Cidr calico = Cidr.parseIpv4(cidr).orElseThrow();
        List<String> overlapping = new ArrayList<>();
        network.path("overlays").forEach(o -> Cidr.parseIpv4(o.path("subnet").asText(""))
                .filter(c -> c.overlaps(calico)).ifPresent(c -> overlapping.add(o.path("subnet").asText())));
        return overlapping;
    }

    private static Optional<String> text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value != null && value.isTextual() ? Optional.of(value.textValue()) : Optional.empty();
    }
}
