package dev.magnetar.driver.dcos.monitor;

/**
 * What one request to Admin Router came back with. Keeping "nothing answered" apart from "something
 * answered badly" is what lets the monitor tell UNKNOWN from UNHEALTHY.
 */
sealed interface Reply {

    String path();

    /** An HTTP answer with its body. */
    record Answered(String path, int status, byte[] body) implements Reply {

        boolean ok() {
            return status == 200;
        }
    }

    /** An HTTP answer whose body could not be kept (e.g. larger than the monitor accepts). */
    record Unreadable(String path, int status, String why) implements Reply {
    }

    /** No HTTP answer: connection refused or reset, no answer in time, or an unusable address. */
    record Unreachable(String path, String why) implements Reply {
    }
}
