package dev.magnetar.store;

import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * Gives every {@link StoreContract} test a migrated, empty store on the contract's engine. One scratch
 * database per engine serves the whole run and is dropped when the run ends; between tests its
 * tables are emptied. An unreachable server skips the engine's tests, or fails them when
 * {@code MAGNETAR_TEST_REQUIRE_DATABASES=true}.
 */
final class ScratchStores implements BeforeEachCallback {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(ScratchStores.class);
    private static final List<String> TABLES = List.of("monitor_spare_keys", "monitor_accounts", "cluster_events", "clusters",
            "cluster_templates", "operations", "conductors", "quotas", "quota_locks");

    @Override
    public void beforeEach(ExtensionContext context) throws SQLException {
        StoreContract contract = (StoreContract) context.getRequiredTestInstances().getAllInstances().get(0);
        Engine engine = contract.engine();
        Provisioned provisioned = context.getRoot().getStore(NAMESPACE)
                .getOrComputeIfAbsent(engine, Provisioned::of, Provisioned.class);
        if (provisioned.unavailable != null) {
            String message = engine + " is unavailable, so its store tests cannot run: " + provisioned.unavailable;
            if (Engine.databasesRequired()) {
                throw new AssertionFailedError(message + " (" + Engine.REQUIRE_DATABASES + "=true)");
            }
            throw new TestAbortedException(message + " (set " + Engine.REQUIRE_DATABASES + "=true to fail instead)");
        }
        empty(provisioned.scratch.config());
        contract.store = provisioned.store;
        contract.config = provisioned.scratch.config();
    }

    private static void empty(StoreConfig config) throws SQLException {
        try (Connection connection = DriverManager.getConnection(config.jdbcUrl(), config.user(), config.password());
             Statement statement = connection.createStatement()) {
            for (String table : TABLES) {
                statement.executeUpdate("DELETE FROM " + table);
            }
        }
    }

    /** A migrated store on a scratch database, or why there is none. */
    private static final class Provisioned implements ExtensionContext.Store.CloseableResource {
        final Engine.ScratchDatabase scratch;
        final Store store;
        final String unavailable;

        private Provisioned(Engine.ScratchDatabase scratch, Store store, String unavailable) {
            this.scratch = scratch;
            this.store = store;
            this.unavailable = unavailable;
        }

        static Provisioned of(Object engine) {
            Engine.ScratchDatabase scratch;
            try {
                scratch = ((Engine) engine).create();
            } catch (IllegalStateException e) {
                return new Provisioned(null, null, e.getMessage());
            }
            Store store = Store.open(scratch.config());
            store.migrate();
            return new Provisioned(scratch, store, null);
        }

        @Override
        public void close() {
            if (store != null) {
                store.close();
                scratch.drop().run();
            }
        }
    }
}
