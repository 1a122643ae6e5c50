package dev.magnetar.driver.dcos.monitor;

import dev.magnetar.driver.dcos.labels.PackageRepositories.Repository;

import java.util.ArrayList;
import java.util.List;

/**
 * The Cosmos calls that turn the listed repositories into the wanted ones, in order: first delete
 * what is not wanted (or is wanted elsewhere in the order), then add each missing one at its index.
 * Adding in list order keeps every index valid, since all wanted repositories before it are then
 * listed and nothing else is. A list that already is the wanted one needs no call, so applying the
 * plan twice adds nothing twice. A wanted repository without a URI (the local Universe, which the
 * masters add) is matched by name and never added here.
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

    /** The first wanted repository the listed one is, or -1. */
    private static int indexOf(List<Repository> wanted, Repository listed) {
        for (int i = 0; i < wanted.size(); i++) {
            if (wanted.get(i).matches(listed)) {
                return i;
            }
        }
        return -1;
    }

    static RepositoryPlan between(List<Repository> listed, List<Repository> wanted) {
        List<Repository> kept = new ArrayList<>();
        List<Repository> deletions = new ArrayList<>();
        int next = 0;
        List<Repository> keptWanted = new ArrayList<>();
        for (Repository repository : listed) {
            int at = indexOf(wanted, repository);
            if (at >= next) {
                kept.add(repository);
                keptWanted.add(wanted.get(at));
                next = at + 1;
            } else {
                deletions.add(repository);
            }
        }
        List<Addition> additions = new ArrayList<>();
        int position = 0;
        for (Repository w : wanted) {
            if (keptWanted.contains(w)) {
                position++;
            } else if (w.uri() != null) {
                additions.add(new Addition(w, position++));
            }
        }
        return new RepositoryPlan(deletions, additions);
    }
}
