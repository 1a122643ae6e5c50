package dev.magnetar.driver.mesos.monitor;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** The recorded bodies under {@code fixtures/mesos/}, and edited copies of them. */
final class Fixtures {

    static final ObjectMapper JSON = new ObjectMapper();

    private Fixtures() {
    }

    static ObjectNode body(String file) {
        try (InputStream in = Fixtures.class.getResourceAsStream("/fixtures/mesos/" + file)) {
            return (ObjectNode) JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ObjectNode leaderSnapshot() {
        return body("mesos-master-metrics-snapshot.json");
    }

    /** What a standby master answers: not elected, and it knows no agents. */
    static ObjectNode standbySnapshot() {
        ObjectNode snapshot = leaderSnapshot();
        snapshot.put("master/elected", 0.0);
        snapshot.put("master/slaves_active", 0.0);
        return snapshot;
    }

    static ObjectNode state() {
        return body("mesos-master-state.json");
    }

    static ObjectNode marathonInfo() {
        return body("marathon-v2-info.json");
    }

    static String text(JsonNode node) {
        return node.toString();
    }
}
