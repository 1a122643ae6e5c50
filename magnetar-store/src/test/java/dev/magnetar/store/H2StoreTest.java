package dev.magnetar.store;

/** The store contract on an in-memory H2 database. */
class H2StoreTest extends StoreContract {
    @Override
    Engine engine() {
        return Engine.H2;
    }
}
