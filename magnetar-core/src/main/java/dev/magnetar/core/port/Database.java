package dev.magnetar.core.port;

import java.util.function.Function;

/**
 * The unit of work. Everything a function does through the {@link Repositories} it is given
 * commits together or not at all; that is how a state change and its operation stay one fact.
 */
public interface Database {

    <T> T transaction(Function<Repositories, T> work);

    /**
     * The templates' generation ({@link ClusterTemplateRepository#generation()}) read on its own: what
     * a cache of rendered lists checks on every request, so engines may read it more cheaply than a
     * transaction does. Reads committed state.
     */
    default long templateGeneration() {
        return transaction(repos -> repos.templates().generation());
    }

    default void transact(java.util.function.Consumer<Repositories> work) {
        transaction(repos -> {
            work.accept(repos);
            return null;
        });
    }
}
