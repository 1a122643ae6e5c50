package dev.magnetar.driver.mesos.monitor;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What one request to a cluster came back with. Keeping "nothing answered" apart from "something
 * answered badly" is what lets the monitor tell UNKNOWN from UNHEALTHY.
 */
sealed interface Reply {

    /** Where the request went, for reasons. */
    String where();

    /** A 200 answer whose body is JSON. */
    record Json(String where, JsonNode body) implements Reply {
    }

    /** An answer that is not a usable 200 JSON body (another status, too large, not JSON). */
    record Bad(String where, String why) implements Reply {
    }

    /** No HTTP answer: connection refused or reset, or no answer before the poll's deadline. */
    record Unreachable(String where, String why) implements Reply {
    }
}
