package dev.magnetar.store;

/** The store contract on the MariaDB server at 127.0.0.1:3306 (or MAGNETAR_TEST_MARIADB_URL). */
class MariaDbStoreIT extends StoreContract {
    @Override
    Engine engine() {
        return Engine.MARIADB;
    }
}
