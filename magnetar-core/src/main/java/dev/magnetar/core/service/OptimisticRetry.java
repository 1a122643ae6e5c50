package dev.magnetar.core.service;

import dev.magnetar.core.error.MagnetarException;

import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.IntFunction;
import java.util.function.Supplier;

/**
 * Runs an optimistic write again when another request wrote the same row first. Each attempt reads
 * the row as it is now, applies the caller's change to it and stores the result only if the row's
 * version is still the one read; an attempt that lost the race answers empty. A change therefore
 * either lands on top of every change acknowledged before it or is refused with a 409, never written
 * over one. After {@link #ATTEMPTS} lost races in a row the caller gets Magnum's CONFLICT.
 */
final class OptimisticRetry {

    /**
     * Lost races before a 409. A row changed by eight writers at once is won within a few attempts
     * (each attempt's window is one short transaction); twenty leave room for a loaded machine.
     */
    static final int ATTEMPTS = 20;

    /** The longest pause between attempts, in milliseconds; the pause is random up to it. */
    private static final int MAX_PAUSE_MILLIS = 20;

    private OptimisticRetry() {
    }

    /**
     * Calls {@code attempt} with the attempt's number (from 1) until it answers a value, at most
     * {@link #ATTEMPTS} times, pausing a random few milliseconds between attempts so racing writers
     * spread out. An attempt reads after the pause, never before it, so what it read is as fresh as
     * it can be when it writes.
     *
     * @param conflict the 409's message, when every attempt lost
     * @throws MagnetarException CONFLICT after {@link #ATTEMPTS} lost races; whatever {@code attempt} throws
     */
    static <T> T run(Supplier<String> conflict, IntFunction<Optional<T>> attempt) {
        for (int tried = 1; ; tried++) {
            Optional<T> done = attempt.apply(tried);
            if (done.isPresent()) {
                return done.get();
            }
            if (tried == ATTEMPTS) {
                throw MagnetarException.conflict(conflict.get());
            }
            pause(tried);
        }
    }

    private static void pause(int tried) {
        int bound = Math.min(MAX_PAUSE_MILLIS, 1 << Math.min(tried, 5));
        try {
            Thread.sleep(ThreadLocalRandom.current().nextInt(bound + 1));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw MagnetarException.unavailable("Interrupted while retrying a concurrent update.");
        }
    }
}
