package dev.magnetar.core.monitor;

import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

class ReplicaShareTest {

    static final List<String> CLUSTERS = IntStream.range(0, 3000)
            .mapToObj(n -> UUID.nameUUIDFromBytes(("cluster-" + n).getBytes()).toString()).toList();

    @Test
    void a_replica_alone_owns_every_cluster_even_before_its_first_heartbeat_shows() {
        ReplicaShare alone = ReplicaShare.alone("conductor-1");
        ReplicaShare unlisted = new ReplicaShare("conductor-1", List::of);

        assertThat(CLUSTERS).allMatch(c -> alone.owns(alone.replicas(), c));
        assertThat(unlisted.replicas()).containsExactly("conductor-1");
    }

    @Test
    void every_cluster_has_exactly_one_owner_and_shares_are_about_equal() {
        Set<String> live = Set.of("a", "b", "c");
        Map<String, Integer> counts = new HashMap<>();
        for (String cluster : CLUSTERS) {
            long owners = live.stream().filter(r -> new ReplicaShare(r, () -> live).owns(live, cluster)).count();
            assertThat(owners).isEqualTo(1);
            counts.merge(ReplicaShare.ownerOf(live, cluster), 1, Integer::sum);
        }

        assertThat(counts.values()).allSatisfy(n -> assertThat(n).isBetween(850, 1150));
    }

    @Test
    void a_replica_leaving_moves_only_its_own_clusters() {
        Set<String> before = Set.of("a", "b", "c");
        Set<String> after = Set.of("a", "b");

        for (String cluster : CLUSTERS) {
            String was = ReplicaShare.ownerOf(before, cluster);
            if (!was.equals("c")) {
                assertThat(ReplicaShare.ownerOf(after, cluster)).isEqualTo(was);
            }
        }
    }
}
