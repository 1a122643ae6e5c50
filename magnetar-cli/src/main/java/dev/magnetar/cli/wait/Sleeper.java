package dev.magnetar.cli.wait;

import java.time.Duration;

/** Pauses between polls; a seam so that tests of waiting take no time. */
@FunctionalInterface
public interface Sleeper {

    void sleep(Duration duration) throws InterruptedException;

    /** The real thing. */
    static Sleeper threadSleep() {
        return Thread::sleep;
    }
}
