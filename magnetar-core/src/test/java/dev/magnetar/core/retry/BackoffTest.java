package dev.magnetar.core.retry;

import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BackoffTest {

    @Test
    void the_ceiling_doubles_from_the_initial_wait_up_to_the_maximum() {
        Backoff backoff = new Backoff(Duration.ofMillis(500), Duration.ofSeconds(3));
        assertThat(IntStream.of(0, 1, 2, 3, 4, 500).mapToObj(backoff::ceilingAfter).map(Duration::toMillis))
                .containsExactly(500L, 500L, 1000L, 2000L, 3000L, 3000L);
    }

    @Test
    void the_conductor_retries_an_operation_after_one_second_doubling_to_a_minute() {
        assertThat(Backoff.OPERATION.ceilingAfter(1)).isEqualTo(Duration.ofSeconds(1));
        assertThat(Backoff.OPERATION.ceilingAfter(3)).isEqualTo(Duration.ofSeconds(4));
        assertThat(Backoff.OPERATION.ceilingAfter(7)).isEqualTo(Duration.ofMinutes(1));
    }

    @RepeatedTest(20)
    void a_jittered_wait_lies_between_half_the_ceiling_and_the_ceiling() {
        Duration wait = Backoff.OPERATION.after(4);
        assertThat(wait).isBetween(Duration.ofSeconds(4), Duration.ofSeconds(8));
    }

    @Test
    void without_jitter_the_wait_is_the_ceiling_and_zero_stays_zero() {
        assertThat(Backoff.OPERATION.after(2, Backoff.Jitter.NONE)).isEqualTo(Duration.ofSeconds(2));
        assertThat(new Backoff(Duration.ZERO, Duration.ZERO).after(3)).isZero();
    }

    @Test
    void a_maximum_below_the_initial_wait_is_refused() {
        assertThatThrownBy(() -> new Backoff(Duration.ofSeconds(2), Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
