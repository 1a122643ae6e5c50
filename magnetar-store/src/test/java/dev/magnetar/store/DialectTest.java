package dev.magnetar.store;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DialectTest {

    @Test
    void the_url_names_the_engine() {
        assertThat(Dialect.of("jdbc:h2:file:/var/lib/magnetar/magnetar")).isEqualTo(Dialect.H2);
        assertThat(Dialect.of("jdbc:postgresql://db:5432/magnetar")).isEqualTo(Dialect.POSTGRESQL);
        assertThat(Dialect.of("jdbc:mariadb://db:3306/magnetar")).isEqualTo(Dialect.MARIADB);
    }

    @Test
    void an_engine_magnetar_does_not_run_on_is_refused_by_name() {
        assertThatThrownBy(() -> Dialect.of("jdbc:sqlite:/tmp/x.db"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("jdbc:sqlite:/tmp/x.db");
    }

    @Test
    void only_an_embedded_h2_database_is_exclusive_to_the_process_that_opened_it() {
        assertThat(Dialect.isExclusive("jdbc:h2:file:/var/lib/magnetar/magnetar")).isTrue();
        assertThat(Dialect.isExclusive("jdbc:h2:./data/magnetar;MODE=Regular")).isTrue();
        assertThat(Dialect.isExclusive("jdbc:h2:mem:test;DB_CLOSE_DELAY=-1")).isTrue();
        assertThat(Dialect.isExclusive("jdbc:h2:file:/var/lib/magnetar/magnetar;AUTO_SERVER=TRUE")).isFalse();
        assertThat(Dialect.isExclusive("jdbc:h2:tcp://db:9092/magnetar")).isFalse();
        assertThat(Dialect.isExclusive("jdbc:h2:ssl://db:9092/magnetar")).isFalse();
        assertThat(Dialect.isExclusive("jdbc:postgresql://db:5432/magnetar")).isFalse();
        assertThat(Dialect.isExclusive("jdbc:mariadb://db:3306/magnetar")).isFalse();
    }

    @Test
    void only_mariadb_needs_table_options() {
        assertThat(Dialect.MARIADB.migrationPlaceholders().get("table")).contains("utf8mb4");
        assertThat(Dialect.H2.migrationPlaceholders().get("table")).isEmpty();
        assertThat(Dialect.POSTGRESQL.migrationPlaceholders().get("table")).isEmpty();
    }
}
