package dev.magnetar.openstack.http;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RetryPolicyTest {

    @Test
    void backoffDoublesFromTheInitialWaitUpToTheCap() {
        RetryPolicy policy = new RetryPolicy(6, Duration.ofMillis(500), Duration.ofSeconds(3));

        assertThat(policy.backoffAfter(1)).isEqualTo(Duration.ofMillis(500));
        assertThat(policy.backoffAfter(2)).isEqualTo(Duration.ofSeconds(1));
        assertThat(policy.backoffAfter(3)).isEqualTo(Duration.ofSeconds(2));
        assertThat(policy.backoffAfter(4)).isEqualTo(Duration.ofSeconds(3));
        assertThat(policy.backoffAfter(50)).isEqualTo(Duration.ofSeconds(3));
    }

    @Test
    void refusesAPolicyWithoutAnAttemptOrWithACapBelowTheStart() {
        assertThatThrownBy(() -> new RetryPolicy(0, Duration.ZERO, Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RetryPolicy(2, Duration.ofSeconds(2), Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
