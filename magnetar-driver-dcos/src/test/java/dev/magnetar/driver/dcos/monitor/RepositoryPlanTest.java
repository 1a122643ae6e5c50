package dev.magnetar.driver.dcos.monitor;

import dev.magnetar.driver.dcos.labels.PackageRepositories.Repository;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The calls that make Cosmos' list the wanted one, checked by applying them to a list. */
class RepositoryPlanTest {

    static final Repository UNIVERSE = new Repository("Universe", "https://universe.mesosphere.com/repo");
    static final Repository A = new Repository("a", "https://a.example/repo");
    static final Repository B = new Repository("b", "https://b.example/repo");
    static final Repository C = new Repository("c", "http://c.example/repo");

    /** Cosmos' semantics: delete by name, add at an index. */
    static List<Repository> apply(List<Repository> listed, RepositoryPlan plan) {
        List<Repository> list = new ArrayList<>(listed);
        plan.deletions().forEach(d -> assertThat(list.removeIf(r -> r.name().equals(d.name()))).isTrue());
        plan.additions().forEach(a -> list.add(a.index(), a.repository()));
        return list;
    }

    @Test
    void theDefaultListBecomesTheWantedOneInOrder() {
        RepositoryPlan plan = RepositoryPlan.between(List.of(UNIVERSE), List.of(A, B));

        assertThat(plan.deletions()).containsExactly(UNIVERSE);
        assertThat(apply(List.of(UNIVERSE), plan)).containsExactly(A, B);
    }

    @Test
    void aListThatIsAlreadyWantedNeedsNoCallSoApplyingTwiceAddsNothingTwice() {
        RepositoryPlan first = RepositoryPlan.between(List.of(UNIVERSE), List.of(A, UNIVERSE));
        List<Repository> after = apply(List.of(UNIVERSE), first);

        assertThat(first.deletions()).isEmpty();
        assertThat(first.additions()).extracting(RepositoryPlan.Addition::index).containsExactly(0);
        assertThat(RepositoryPlan.between(after, List.of(A, UNIVERSE)).empty()).isTrue();
    }

    @Test
    void aRepositoryOutOfOrderIsDeletedAndAddedAgainAtItsPlace() {
        List<Repository> listed = List.of(B, A, C);
        RepositoryPlan plan = RepositoryPlan.between(listed, List.of(A, B, C));

        assertThat(apply(listed, plan)).containsExactly(A, B, C);
    }

    @Test
    void aNameWhoseUriChangedIsReplaced() {
        Repository moved = new Repository("a", "https://mirror.example/a");
        RepositoryPlan plan = RepositoryPlan.between(List.of(A, B), List.of(moved, B));

        assertThat(plan.deletions()).containsExactly(A);
        assertThat(apply(List.of(A, B), plan)).containsExactly(moved, B);
    }

    @Test
    void everyListAndWantedOrderEndsAsWanted() {
        List<List<Repository>> lists = List.of(List.of(), List.of(UNIVERSE), List.of(C, B, A), List.of(A, UNIVERSE, C),
                List.of(B, C), List.of(UNIVERSE, A, B, C));
        for (List<Repository> listed : lists) {
            for (List<Repository> wanted : lists) {
                assertThat(apply(listed, RepositoryPlan.between(listed, wanted))).as(listed + " -> " + wanted)
                        .containsExactlyElementsOf(wanted);
            }
        }
    }
}
