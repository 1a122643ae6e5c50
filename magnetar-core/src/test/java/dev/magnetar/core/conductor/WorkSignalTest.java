package dev.magnetar.core.conductor;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;

class WorkSignalTest {

    final WorkSignal signal = new WorkSignal();

    @Test
    void with_no_signal_since_the_worker_looked_the_wait_ends_without_one() throws Exception {
        long seen = signal.generation();

        assertThat(signal.awaitChange(seen, Duration.ZERO)).isFalse();
    }

    @Test
    void a_signal_given_between_the_look_and_the_wait_is_not_lost() throws Exception {
        long seen = signal.generation();
        signal.signal();

        assertThat(signal.awaitChange(seen, Duration.ZERO)).isTrue();
    }

    @Test
    void a_signal_wakes_a_waiting_worker_before_its_poll_interval() throws Exception {
        long seen = signal.generation();
        AtomicBoolean woken = new AtomicBoolean();
        Thread worker = new Thread(() -> {
            try {
                woken.set(signal.awaitChange(seen, Duration.ofDays(1)));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        worker.start();

        signal.signal();
        worker.join();

        assertThat(woken).isTrue();
    }

    @Test
    void every_signal_counts_so_a_worker_that_looked_after_one_waits_for_the_next() throws Exception {
        signal.signal();
        long seen = signal.generation();

        assertThat(signal.awaitChange(seen, Duration.ZERO)).isFalse();
        signal.signal();
        assertThat(signal.awaitChange(seen, Duration.ZERO)).isTrue();
    }
}
