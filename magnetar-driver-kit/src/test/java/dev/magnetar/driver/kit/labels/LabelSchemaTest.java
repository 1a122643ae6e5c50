package dev.magnetar.driver.kit.labels;

import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class LabelSchemaTest {

    enum Where implements LabelLanding {
        FLAG, PARAMETER, REFUSED;

        @Override
        public String description() {
            return name().toLowerCase() + " place";
        }

        @Override
        public boolean refuses() {
            return this == REFUSED;
        }
    }

    private static final List<LabelSpec> TABLE = List.of(
            new LabelSpec("speed", List.of("old_speed"), LabelTypes.integer(1, 9), "1 to 9", "5", "how fast",
                    Where.FLAG, "SPEED"),
            new LabelSpec("loud", List.of(), LabelTypes.bool(), "true, false", null, "a|b", Where.FLAG, "LOUD"),
            LabelSpec.refused("master_ip", "set from the stack", Where.REFUSED));

    private static final LabelSchema NAMES = new LabelSchema("toy_v1", TABLE, LabelSchema.AcceptedNames.NAMES);

    @Test
    void readsAliasesUnderTheCanonicalNameAndFallsBackToDefaults() {
        LabelReading reading = NAMES.read(Map.of("old_speed", "7"));

        assertThat(reading.violations()).isEmpty();
        assertThat(reading.labels().given()).containsExactly(Map.entry("speed", "7"));
        assertThat(reading.labels().effective("loud")).isEmpty();
        assertThat(reading.labels().flag("loud")).isFalse();
        assertThat(NAMES.read(Map.of()).labels().effective("speed")).contains("5");
        assertThat(NAMES.read(Map.of()).labels().givenOr("speed", "fallback")).isEqualTo("fallback");
    }

    @Test
    void namesEveryBrokenLabelInNameOrder() {
        Map<String, String> raw = new LinkedHashMap<>();
        raw.put("speed", "10");
        raw.put("master_ip", "10.0.0.1");
        raw.put("colour", "red");
        raw.put("loud", null);

        assertThat(NAMES.read(raw).violations()).containsExactly(
                "label 'colour' is unknown to driver toy_v1; accepted labels: loud, speed",
                "label 'loud' value '': must be one of true, false",
                "label 'master_ip' is not accepted: set from the stack",
                "label 'speed' value '10': must be an integer from 1 to 9");
    }

    @Test
    void refusesTheSameSettingUnderTwoNames() {
        assertThat(NAMES.read(Map.of("speed", "3", "old_speed", "4")).violations()).containsExactly(
                "label 'speed' repeats 'old_speed' (the same setting under two names); give only one");
    }

    @Test
    void listsAliasesAsAcceptedOnlyWhenAsked() {
        LabelSchema withAliases = new LabelSchema("toy_v1", TABLE, LabelSchema.AcceptedNames.NAMES_AND_ALIASES);

        assertThat(NAMES.acceptedNames()).containsExactly("loud", "speed");
        assertThat(withAliases.acceptedNames()).containsExactly("loud", "old_speed", "speed");
    }

    @Test
    void referenceHasATablePerLandingInTheGivenOrderAndSkipsEmptyOnes() {
        String markdown = LabelReferenceTables.markdown(NAMES, List.of(Where.PARAMETER, Where.FLAG));

        assertThat(markdown).doesNotContain("parameter place");
        assertThat(markdown).contains("\n### Labels that land as flag place\n\n"
                + "| label | type | allowed | default | lands as | rule |\n| --- | --- | --- | --- | --- | --- |\n"
                + "| `speed` (alias `old_speed`) | int | 1 to 9 | `5` | `SPEED` | how fast |\n"
                + "| `loud` | bool | true, false | (not written) | `LOUD` | a\\|b |\n");
        assertThat(markdown).endsWith("\n### Refused keys\n\n| label | why |\n| --- | --- |\n"
                + "| `master_ip` | set from the stack |\n\nAny other label is refused as unknown.\n");
    }

    @Test
    void emptyOrAllowsNothingAsNone() {
        ValueCheck url = ValueChecks.emptyOr(ValueChecks.pattern("https://.+", "must be an https URL"));

        assertThat(url.problem("")).isEmpty();
        assertThat(url.problem("ftp://x")).contains("must be an https URL");
    }
}
