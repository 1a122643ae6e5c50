package dev.magnetar.mesos.agent;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class MesosDurationTest {

    @ParameterizedTest
    @CsvSource({"5mins, PT5M", "1.5hrs, PT1H30M", "10secs, PT10S", "250ms, PT0.25S", "2days, PT48H",
            "1weeks, PT168H"})
    void readsTheUnitsStoutAccepts(String text, Duration expected) {
        assertThat(MesosDuration.parse(text)).contains(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"5", "5m", "1h", "5 mins", "mins", "-1secs", "1.secs", "5MINS", "1e3secs", ""})
    void refusesWhatMesosRefusesAtStartup(String text) {
        assertThat(MesosDuration.parse(text)).isEmpty();
    }

    @Test
    void readerReportsSyntaxAndRangeUnderTheGivenName() {
        AgentFlagReader reader = new AgentFlagReader(IsolatorCatalog.MESOS_1_11);

        assertThat(reader.duration("executor_registration_timeout", "5mins", Duration.ofSeconds(10),
                Duration.ofHours(1))).contains(Duration.ofMinutes(5));
        reader.duration("executor_registration_timeout", "5m", Duration.ofSeconds(10), Duration.ofHours(1));
        reader.duration("executor_registration_timeout", "2hrs", Duration.ofSeconds(10), Duration.ofHours(1));

        assertThat(reader.violations()).extracting(FlagViolation::message).containsExactly(
                "flag 'executor_registration_timeout' value '5m': must be " + MesosDuration.SYNTAX,
                "flag 'executor_registration_timeout' value '2hrs': must be from 10secs to 60mins");
    }
}
