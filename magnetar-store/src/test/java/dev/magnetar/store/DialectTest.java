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
    void only_mariadb_needs_table_options() {
        assertThat(Dialect.MARIADB.migrationPlaceholders().get("table")).contains("utf8mb4");
        assertThat(Dialect.H2.migrationPlaceholders().get("table")).isEmpty();
        assertThat(Dialect.POSTGRESQL.migrationPlaceholders().get("table")).isEmpty();
    }
}
