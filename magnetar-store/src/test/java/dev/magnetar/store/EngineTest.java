package dev.magnetar.store;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The test harness points scratch databases at the admin server the environment names. */
class EngineTest {

    @Test
    void a_scratch_database_keeps_the_admin_urls_host_and_parameters() {
        assertThat(Engine.withDatabase("jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres", "t1"))
                .isEqualTo("jdbc:postgresql://127.0.0.1:5432/t1?user=postgres");
        assertThat(Engine.withDatabase("jdbc:mariadb://127.0.0.1:3306/?user=root", "t2"))
                .isEqualTo("jdbc:mariadb://127.0.0.1:3306/t2?user=root");
        assertThat(Engine.withDatabase("jdbc:mariadb://db.local:3307", "t3")).isEqualTo("jdbc:mariadb://db.local:3307/t3");
    }
}
