package dev.magnetar.core.conductor;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Tells this process's idle conductor workers that there is work: an operation was just stored.
 * A worker notes {@link #generation()} before it looks for work, and when it found none waits with
 * {@link #awaitChange} for a signal given since then, or at most its poll interval. A signal given
 * between the look and the wait is therefore not lost, and replicas in other processes, which this
 * signal does not reach, still find the work by polling the durable outbox.
 */
public final class WorkSignal {

    private long generation;

    /** The number of signals given so far. */
    public synchronized long generation() {
        return generation;
    }

    /** There is work: wakes every waiting worker. */
    public synchronized void signal() {
        generation++;
        notifyAll();
    }

    /**
     * Waits until a signal has been given since {@code seen} was read, or {@code timeout} has passed.
     *
     * @return true when there was a signal since {@code seen}
     */
    public synchronized boolean awaitChange(long seen, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (generation == seen) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            TimeUnit.NANOSECONDS.timedWait(this, left);
        }
        return true;
    }
}
