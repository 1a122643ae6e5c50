package dev.magnetar.server.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.magnetar.server.api.views.Link;
import dev.magnetar.server.api.views.WireNames;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

/** The API's one ObjectMapper and Magnum's value formats. */
public final class Json {

    public static final ObjectMapper MAPPER = WireNames.register(new ObjectMapper()
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS));

    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssxxx")
            .withZone(ZoneOffset.UTC);

    private Json() {
    }

    /** Magnum's timestamps: seconds, with an explicit {@code +00:00} offset. */
    public static String timestamp(Instant instant) {
        return instant == null ? null : TIMESTAMP.format(instant.truncatedTo(ChronoUnit.SECONDS));
    }

    public static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    public static ObjectNode map(Map<String, String> values) {
        ObjectNode node = MAPPER.createObjectNode();
        values.forEach(node::put);
        return node;
    }

    public static ArrayNode list(List<String> values) {
        ArrayNode node = MAPPER.createArrayNode();
        values.forEach(node::add);
        return node;
    }

    /** {@code links}: self under /v1 and the unversioned bookmark. */
    public static ArrayNode links(String baseUrl, String collection, String uuid) {
        return MAPPER.valueToTree(Link.of(baseUrl, collection, uuid));
    }
}
