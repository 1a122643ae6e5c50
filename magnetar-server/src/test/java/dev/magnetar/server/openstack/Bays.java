package dev.magnetar.server.openstack;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Duration;

/** Leaves the real Heat and Keystone as a test found them: a failed test's bays are deleted too. */
final class Bays {

    private Bays() {
    }

    /** Deletes every bay the caller's project still has, and waits until they (and their stacks) are gone. */
    static void deleteAll(Caller caller, Duration timeout) {
        for (JsonNode bay : caller.get("/v1/bays").json().path("bays")) {
            caller.delete("/v1/bays/" + bay.path("uuid").asText());
        }
        Slowly.await("every bay of " + caller + " deleted", timeout,
                () -> caller.get("/v1/bays").json().path("bays").size(), left -> left == 0);
    }
}
