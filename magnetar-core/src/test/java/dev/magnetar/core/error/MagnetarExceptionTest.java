package dev.magnetar.core.error;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MagnetarExceptionTest {

    @Test
    void up_to_twenty_violations_are_all_listed() {
        List<String> twenty = IntStream.range(0, 20).mapToObj(i -> "rule " + i).toList();
        MagnetarException refusal = MagnetarException.invalid(twenty);
        assertThat(refusal.kind()).isEqualTo(ErrorKind.INVALID);
        assertThat(refusal.getMessage()).isEqualTo(String.join("; ", twenty));
    }

    @Test
    void beyond_twenty_the_rest_are_counted_not_listed() {
        List<String> many = IntStream.range(0, 10_000).mapToObj(i -> "rule " + i).toList();
        String message = MagnetarException.invalid(many).getMessage();
        assertThat(message).startsWith("rule 0; rule 1; ").contains("; rule 19; and 9980 more violations")
                .endsWith("not listed (10000 in all)").doesNotContain("rule 20");
    }

    @Test
    void a_refusal_needs_a_violation() {
        assertThatThrownBy(() -> MagnetarException.invalid(List.of())).isInstanceOf(IllegalArgumentException.class);
    }
}
