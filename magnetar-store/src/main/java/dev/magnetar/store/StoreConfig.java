package dev.magnetar.store;

import java.util.Objects;

/**
 * Where the database is and how many connections Magnetar may hold to it.
 *
 * <p>The JDBC URL chooses the engine:
 * <ul>
 *   <li>embedded H2 (the default): {@code jdbc:h2:file:/var/lib/magnetar/magnetar} — a file database
 *       in the data directory, no compatibility mode needed (the migrations fill in H2's own types).
 *       {@code serve} names the same files {@code jdbc:h2:owner-only:/var/lib/magnetar/magnetar}, so
 *       that H2 creates them readable by their owner only ({@link OwnerOnlyFiles}).
 *       Options such as {@code ;AUTO_SERVER=TRUE} may be appended; {@code jdbc:h2:mem:NAME} works for
 *       throw-away databases that live as long as the pool.</li>
 *   <li>PostgreSQL: {@code jdbc:postgresql://db.example.org:5432/magnetar}</li>
 *   <li>MariaDB: {@code jdbc:mariadb://db.example.org:3306/magnetar} (create the database with
 *       {@code CHARACTER SET utf8mb4}; the tables declare it themselves).</li>
 * </ul>
 *
 * @param user        null or blank when the URL or the engine needs none
 * @param password    null or blank for none
 * @param maxPoolSize the most connections the pool opens; conductor workers and API requests share them
 */
public record StoreConfig(String jdbcUrl, String user, String password, int maxPoolSize) {

    public StoreConfig {
        Objects.requireNonNull(jdbcUrl, "jdbcUrl");
        if (maxPoolSize < 1) {
            throw new IllegalArgumentException("maxPoolSize must be at least 1, was " + maxPoolSize);
        }
    }

    /** Hides the password, which must not end up in logs. */
    @Override
    public String toString() {
        return "StoreConfig[jdbcUrl=" + jdbcUrl + ", user=" + user + ", maxPoolSize=" + maxPoolSize + "]";
    }
}
