package dev.magnetar.driver.kit.labels;

import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

class ParsedLabelsTest {

    private final AtomicInteger parses = new AtomicInteger();

    private List<String> parse(Map<String, String> raw) {
        parses.incrementAndGet();
        return List.copyOf(raw.keySet());
    }

    @Test
    void parsesEachLabelSetOnceWhoeverAsksForIt() {
        ParsedLabels<List<String>> parsed = new ParsedLabels<>(this::parse);
        Map<String, String> asked = new HashMap<>(Map.of("oauth_enabled", "false"));

        List<String> first = parsed.of(asked);
        List<String> again = parsed.of(Map.of("oauth_enabled", "false"));

        assertThat(again).isSameAs(first);
        assertThat(parses).hasValue(1);
    }

    @Test
    void aChangedLabelSetIsParsedAfreshAndTheCallersMapIsNotKept() {
        ParsedLabels<List<String>> parsed = new ParsedLabels<>(this::parse);
        Map<String, String> labels = new HashMap<>(Map.of("a", "1"));
        parsed.of(labels);

        labels.put("b", "2");

        assertThat(parsed.of(labels)).containsExactlyInAnyOrder("a", "b");
        assertThat(parsed.of(Map.of("a", "1"))).containsExactly("a");
        assertThat(parses).hasValue(2);
    }

    @Test
    void forgetsTheLeastRecentlyUsedSetBeyondItsCapacity() {
        ParsedLabels<List<String>> parsed = new ParsedLabels<>(this::parse, 2);
        parsed.of(Map.of("a", "1"));
        parsed.of(Map.of("b", "1"));
        parsed.of(Map.of("a", "1"));
        parsed.of(Map.of("c", "1"));

        parsed.of(Map.of("a", "1"));
        assertThat(parses).hasValue(3);
        parsed.of(Map.of("b", "1"));
        assertThat(parses).hasValue(4);
    }

    @Test
    void readsNoLabelsAsAnEmptySet() {
        assertThat(new ParsedLabels<>(this::parse).of(null)).isEmpty();
    }
}
