package dev.magnetar.sim;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * Something going wrong in the simulated cloud, on purpose. Plain values so tests and the admin
 * HTTP endpoint set them alike; JSON carries the kind in {@code "kind"}, e.g.
 * {@code {"kind":"fail_resource","resource":"agents/*&#47;agent_wait","reason":"boom"}}.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "kind")
@JsonSubTypes({
        @JsonSubTypes.Type(value = Fault.FailResource.class, name = "fail_resource"),
        @JsonSubTypes.Type(value = Fault.StallResource.class, name = "stall_resource"),
        @JsonSubTypes.Type(value = Fault.ApiUnavailable.class, name = "api_unavailable"),
        @JsonSubTypes.Type(value = Fault.Latency.class, name = "latency")})
public sealed interface Fault {

    /** The stack action a resource fault applies to; null in a fault means every action. */
    enum Action { CREATE, UPDATE, DELETE }

    /**
     * Resources matching {@code resource} fail with {@code reason} when the action reaches them.
     *
     * @param resource a resource path ({@code agents/0/agent_wait}) or name ({@code agent_wait}), where
     *                 {@code *} matches any run of characters
     * @param action   the action it fails, null for any
     * @param times    how many resources it fails before it is used up, null for no limit
     */
    record FailResource(String resource, Action action, String reason, Integer times) implements Fault {
        public FailResource {
            Objects.requireNonNull(resource, "resource");
            reason = reason == null ? "Simulated failure" : reason;
        }

        public static FailResource on(String resource, Action action, String reason) {
            return new FailResource(resource, action, reason, null);
        }
    }

    /** Matching resources never finish the action (a node that never signals): the stack times out. */
    record StallResource(String resource, Action action) implements Fault {
        public StallResource {
            Objects.requireNonNull(resource, "resource");
        }
    }

    /**
     * Every orchestrator call fails with a transient error, for the next {@code calls} calls or until
     * {@code until}, whichever is given.
     */
    record ApiUnavailable(Integer calls, Instant until, String message) implements Fault {
        public ApiUnavailable {
            if (calls == null && until == null) {
                throw new IllegalArgumentException("ApiUnavailable needs calls or until");
            }
            message = message == null ? "Simulated Heat is unavailable (injected fault)" : message;
        }

        public static ApiUnavailable forCalls(int calls) {
            return new ApiUnavailable(calls, null, null);
        }

        public static ApiUnavailable until(Instant until) {
            return new ApiUnavailable(null, until, null);
        }
    }

    /** Every orchestrator call takes this much longer. */
    record Latency(Duration delay) implements Fault {
        public Latency {
            Objects.requireNonNull(delay, "delay");
        }
    }
}
