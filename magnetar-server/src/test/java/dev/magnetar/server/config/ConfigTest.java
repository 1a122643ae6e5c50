package dev.magnetar.server.config;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ConfigTest {

    @TempDir
    Path dir;

    @Test
    void defaults_are_the_embedded_default_on_magnums_port() {
        Config config = Config.defaults();
        assertThat(config.get(Option.API_HOST)).isEqualTo("127.0.0.1");
        assertThat(config.getInt(Option.API_PORT)).isEqualTo(9511);
        assertThat(config.get(Option.API_AUTH)).isEqualTo("noauth");
        assertThat(config.get(Option.BACKEND_KIND)).isEqualTo("simulated");
        assertThat(config.get(Option.DATABASE_URL)).isEmpty();
        assertThat(config.getInt(Option.CLUSTER_CREATE_TIMEOUT)).isEqualTo(60);
    }

    @Test
    void the_file_overrides_defaults_the_environment_overrides_the_file_and_flags_win() throws IOException {
        Path file = dir.resolve("magnetar.toml");
        Files.writeString(file, """
                [api]
                port = 9600
                auth = "keystone"

                [driver.dcos_centos_v1]
                dcos_installer_url = "http://mirror/dcos_generate_config.sh"
                """);
        Config config = Config.load(file, Map.of("MAGNETAR_API_PORT", "9700",
                "MAGNETAR_DRIVER_DCOS_CENTOS_V1_DCOS_INSTALLER_URL", "http://other/installer.sh"),
                Map.of(Option.API_HOST, "0.0.0.0"));
        assertThat(config.getInt(Option.API_PORT)).isEqualTo(9700);
        assertThat(config.get(Option.API_AUTH)).isEqualTo("keystone");
        assertThat(config.get(Option.API_HOST)).isEqualTo("0.0.0.0");
        assertThat(config.driverSettings("dcos_centos_v1"))
                .containsEntry("dcos_installer_url", "http://other/installer.sh");
    }

    @Test
    void a_driver_configured_by_the_environment_alone_gets_its_settings() {
        Config config = Config.load(null, Map.of(
                "MAGNETAR_DRIVER_DCOS_CENTOS_V1_DCOS_INSTALLER_URL", "http://mirror/dcos_generate_config.sh",
                "MAGNETAR_DRIVER_MESOS_UBUNTU_V1_MESOS_REPO_URL", "http://mirror/mesos"), Map.of());

        assertThat(config.driverSettings("dcos_centos_v1"))
                .containsExactly(Map.entry("dcos_installer_url", "http://mirror/dcos_generate_config.sh"));
        assertThat(config.driverSettings("mesos_ubuntu_v1"))
                .containsExactly(Map.entry("mesos_repo_url", "http://mirror/mesos"));
        assertThat(config.driverSettings("another_driver")).isEmpty();
    }

    @Test
    void the_environment_adds_to_a_driver_section_of_the_file() throws IOException {
        Path file = dir.resolve("magnetar.toml");
        Files.writeString(file, """
                [driver.dcos_centos_v1]
                dcos_installer_url = "http://mirror/dcos_generate_config.sh"
                """);
        Config config = Config.load(file,
                Map.of("MAGNETAR_DRIVER_DCOS_CENTOS_V1_DOCKER_REPO_URL", "http://mirror/docker"), Map.of());

        assertThat(config.driverSettings("dcos_centos_v1"))
                .containsEntry("dcos_installer_url", "http://mirror/dcos_generate_config.sh")
                .containsEntry("docker_repo_url", "http://mirror/docker");
    }

    @Test
    void every_option_has_an_environment_name_and_appears_in_the_sample() {
        String sample = Config.sample();
        for (Option option : Option.values()) {
            assertThat(option.environmentName()).startsWith("MAGNETAR_").isUpperCase();
            assertThat(sample).contains(option.key() + " = \"" + option.defaultValue() + "\"")
                    .contains(option.environmentName());
        }
    }

    @Test
    void the_sample_is_itself_a_valid_configuration_file() throws IOException {
        Path file = dir.resolve("sample.toml");
        Files.writeString(file, Config.sample());
        assertThat(Config.load(file, Map.of(), Map.of()).getInt(Option.API_PORT)).isEqualTo(9511);
    }

    @Test
    void a_misspelt_option_is_an_error_not_a_silent_default() throws IOException {
        Path file = dir.resolve("typo.toml");
        Files.writeString(file, "[api]\nprot = 9600\n");
        assertThatThrownBy(() -> Config.load(file, Map.of(), Map.of()))
                .isInstanceOf(Config.ConfigException.class)
                .hasMessageContaining("unknown option [api] prot");
    }

    @Test
    void a_non_numeric_number_names_the_option() {
        Config config = Config.load(null, Map.of("MAGNETAR_API_PORT", "ninety"), Map.of());
        assertThatThrownBy(() -> config.getInt(Option.API_PORT))
                .hasMessage("[api] port must be a whole number, not 'ninety'");
    }

    @Test
    void validation_names_each_bad_key_its_value_and_what_is_allowed() {
        Config config = Config.load(null, Map.of("MAGNETAR_API_PORT", "ninety", "MAGNETAR_BACKEND_KIND", "vsphere"),
                Map.of());

        assertThatThrownBy(config::validate)
                .isInstanceOf(Config.ConfigException.class)
                .hasMessageContaining("[api] port (MAGNETAR_API_PORT) is 'ninety'; allowed: a whole number from 0 to 65535")
                .hasMessageContaining("[backend] kind (MAGNETAR_BACKEND_KIND) is 'vsphere'; "
                        + "allowed: one of simulated, openstack");
    }

    @Test
    void validation_accepts_every_default_and_what_the_readers_accept() {
        Config.defaults().validate();
        Config.load(null, Map.of("MAGNETAR_DATABASE_MIGRATE_ON_START", " TRUE ", "MAGNETAR_API_PORT", " 9600 ",
                "MAGNETAR_CONDUCTOR_WORKERS", "0"), Map.of()).validate();
    }

    @Test
    void every_option_says_what_it_takes_and_its_default_is_allowed() {
        for (Option option : Option.values()) {
            assertThat(option.type().allowed()).as(option.key()).isNotBlank();
            assertThat(option.type().accepts().test(option.defaultValue())).as(option.key()).isTrue();
        }
    }
}
