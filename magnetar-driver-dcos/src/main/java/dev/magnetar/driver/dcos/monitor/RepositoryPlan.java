package dev.magnetar.driver.dcos.monitor;

import dev.magnetar.driver.dcos.labels.PackageRepositories.Repository;

import java.util.ArrayList;
import java.util.List;

/**
 * The Cosmos calls that turn the listed repositories into the wanted ones, in order: first delete
 * what is not wanted (or is wanted elsewhere in the order), then add each missing one at its index.
 * Adding in list order keeps every index valid, since all wanted repositories before it are then
 * listed and nothing else is. A list that already is the wanted one needs no call, so applying the
 * plan twice adds nothing twice.
 *
 * @param deletions repositories to delete, by name
 * @param additions repositories to add, each with its index in the final list
 */
record RepositoryPlan(List<Repository> deletions, List<Addition> additions) {

    /** One {@code /package/repository/add}. */
    record Addition(Repository repository, int index) {
    }

    RepositoryPlan {
        deletions = List.copyOf(deletions);
        additions = List.copyOf(additions);
    }

    boolean empty() {
        return deletions.isEmpty() && additions.isEmpty();
    }

    static RepositoryPlan between(List<Repository> listed, List<Repository> wanted) {
        List<Repository> kept = new ArrayList<>();
        List<Repository> deletions = new ArrayList<>();
        int next = 0;
        for (Repository repository : listed) {
            int at = wanted.indexOf(repository);
            if (at >= next) {
                kept.add(repository);
                next = at + 1;
            } else {
                deletions.add(repository);
            }
        }
        List<Addition> additions = new ArrayList<>();
        for (int i = 0; i < wanted.size(); i++) {
            if (!kept.contains(wanted.get(i))) {
                additions.add(new Addition(wanted.get(i), i));
            }
        }
        return new RepositoryPlan(deletions, additions);
    }
}
