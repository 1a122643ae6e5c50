package dev.magnetar.core.service;

import dev.magnetar.core.error.ErrorKind;
import dev.magnetar.core.error.MagnetarException;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OptimisticRetryTest {

    @Test
    void an_attempt_that_lost_its_race_is_made_again_until_one_lands() {
        List<Integer> attempts = new ArrayList<>();

        String result = OptimisticRetry.run(() -> "never", attempt -> {
            attempts.add(attempt);
            return attempt < 3 ? Optional.empty() : Optional.of("stored on attempt " + attempt);
        });

        assertThat(result).isEqualTo("stored on attempt 3");
        assertThat(attempts).containsExactly(1, 2, 3);
    }

    @Test
    void after_every_attempt_lost_the_caller_gets_a_conflict_with_the_message() {
        List<Integer> attempts = new ArrayList<>();

        assertThatThrownBy(() -> OptimisticRetry.run(() -> "ClusterTemplate x was changed by another request.",
                attempt -> {
                    attempts.add(attempt);
                    return Optional.empty();
                }))
                .isInstanceOfSatisfying(MagnetarException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.CONFLICT))
                .hasMessage("ClusterTemplate x was changed by another request.");
        assertThat(attempts).hasSize(OptimisticRetry.ATTEMPTS);
    }

    @Test
    void a_refusal_inside_an_attempt_ends_the_retries_unchanged() {
        List<Integer> attempts = new ArrayList<>();

        assertThatThrownBy(() -> OptimisticRetry.run(() -> "never", attempt -> {
            attempts.add(attempt);
            if (attempt == 2) {
                throw MagnetarException.invalid("the patch no longer applies");
            }
            return Optional.empty();
        })).isInstanceOfSatisfying(MagnetarException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.INVALID));
        assertThat(attempts).containsExactly(1, 2);
    }
}
