package dev.magnetar.store;

/** The store contract on the PostgreSQL server at 127.0.0.1:5432 (or MAGNETAR_TEST_POSTGRES_URL). */
class PostgresStoreIT extends StoreContract {
    @Override
    Engine engine() {
        return Engine.POSTGRESQL;
    }
}
