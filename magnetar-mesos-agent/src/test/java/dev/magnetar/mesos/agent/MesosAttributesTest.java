package dev.magnetar.mesos.agent;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class MesosAttributesTest {

    @ParameterizedTest
    @ValueSource(strings = {"zone:az1", "zone:az1;gpu:true", "rack:r-12.b;cores:16", "weight:0.5",
            "ports:[1000-2000,3000-4000]", "os:centos/7"})
    void text_scalars_and_ranges_are_what_an_agent_starts_with(String attributes) {
        assertThat(MesosAttributes.problem(attributes)).isEmpty();
    }

    @Test
    void a_set_is_refused_because_the_agent_would_stop_at_start() {
        assertThat(MesosAttributes.problem("gpus:{a,b}")).get().asString().contains("is a set");
    }

    @Test
    void each_pair_needs_a_colon_a_key_and_a_value() {
        assertThat(MesosAttributes.problem("zone")).get().asString().contains("not a key:value pair");
        assertThat(MesosAttributes.problem(":az1")).get().asString().contains("key ''");
        assertThat(MesosAttributes.problem("zone:")).get().asString().contains("value ''");
        assertThat(MesosAttributes.problem("zone:az1;")).get().asString().contains("not a key:value pair");
        assertThat(MesosAttributes.problem("")).isPresent();
    }

    @Test
    void shell_and_separator_characters_never_pass() {
        assertThat(MesosAttributes.problem("zone:a z")).isPresent();
        assertThat(MesosAttributes.problem("zone:$(reboot)")).isPresent();
        assertThat(MesosAttributes.problem("zone:'x'")).isPresent();
        assertThat(MesosAttributes.problem("zo\nne:x")).isPresent();
        assertThat(MesosAttributes.problem("zone:a,b")).isPresent();
    }

    @Test
    void a_key_is_given_once() {
        assertThat(MesosAttributes.problem("zone:a;zone:b")).get().asString().contains("twice");
    }
}
