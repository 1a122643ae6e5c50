package dev.magnetar.core.monitor;

import dev.magnetar.core.driver.HealthReport;
import dev.magnetar.core.model.Cluster;
import dev.magnetar.core.model.ClusterStatus;
import dev.magnetar.core.model.HealthStatus;
import dev.magnetar.core.monitor.HealthUpdate.SessionChange;
import dev.magnetar.core.monitor.HealthWriter.Written;
import dev.magnetar.core.testing.MutableClock;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

class HealthWriterTest {

    static final String TEMPLATE = "00000000-0000-4000-8000-000000000001";
    static final HealthReport HEALTHY = new HealthReport(HealthStatus.HEALTHY, Map.of(), "2.2.0", Map.of());

    final InMemoryDatabase db = new InMemoryDatabase();
    final HealthWriter writer = new HealthWriter(db, new MutableClock(Instant.parse("2025-01-01T00:00:00Z")));
    final Map<String, Object> results = new ConcurrentHashMap<>();

    List<Cluster> clusters(int count) {
        List<Cluster> clusters = new ArrayList<>();
        for (int n = 0; n < count; n++) {
            Cluster cluster = Cluster.builder().uuid(String.format("00000000-0000-4000-8000-%012d", 100 + n))
                    .name("c" + n).projectId("project").clusterTemplateId(TEMPLATE)
                    .status(ClusterStatus.CREATE_COMPLETE).build();
            db.put(cluster);
            clusters.add(cluster);
        }
        return clusters;
    }

    static HealthUpdate healthy(Cluster cluster) {
        return new HealthUpdate(cluster, HEALTHY, SessionChange.NONE);
    }

    Thread writeInBackground(HealthUpdate update) {
        return Thread.ofVirtual().start(() -> {
            try {
                results.put(update.clusterUuid(), writer.write(update));
            } catch (RuntimeException e) {
                results.put(update.clusterUuid(), e);
            }
        });
    }

    /**
     * The first update's transaction is held open until every other update has queued behind it;
     * then the writes run to the end.
     */
    void writeWhileTheFirstTransactionIsHeld(List<Cluster> clusters) throws InterruptedException {
        CountDownLatch release = new CountDownLatch(1);
        AtomicBoolean first = new AtomicBoolean(true);
        db.atTransactionStart = () -> {
            if (first.getAndSet(false)) {
                await(release);
            }
        };
        List<Thread> threads = new ArrayList<>();
        threads.add(writeInBackground(healthy(clusters.getFirst())));
        waitFor(() -> db.transactions.get() == 1);
        clusters.subList(1, clusters.size()).forEach(c -> threads.add(writeInBackground(healthy(c))));
        waitFor(() -> writer.queued() == clusters.size() - 1);
        release.countDown();
        for (Thread thread : threads) {
            thread.join(5_000);
        }
    }

    @Test
    void updates_queued_while_a_transaction_commits_are_written_together_in_the_next() throws Exception {
        List<Cluster> clusters = clusters(10);

        writeWhileTheFirstTransactionIsHeld(clusters);

        assertThat(db.transactions).as("the first alone, then the nine queued behind it").hasValue(2);
        assertThat(results.values()).containsOnly(Written.HEALTH_CHANGED).hasSize(10);
        assertThat(clusters).allSatisfy(c -> assertThat(db.get(c.uuid()).observed().healthStatus()).isEqualTo(HealthStatus.HEALTHY));
        assertThat(db.events()).hasSize(10);
    }

    @Test
    void a_transaction_that_fails_is_retried_one_update_at_a_time_so_only_the_failing_cluster_loses_its_health()
            throws Exception {
        List<Cluster> clusters = clusters(6);
        Cluster broken = clusters.get(3);
        db.failingUpdates.add(broken.uuid());

        writeWhileTheFirstTransactionIsHeld(clusters);

        assertThat(results.get(broken.uuid())).isInstanceOf(IllegalStateException.class);
        assertThat(db.get(broken.uuid()).observed().healthStatus()).isNull();
        assertThat(clusters).filteredOn(c -> c != broken)
                .allSatisfy(c -> assertThat(db.get(c.uuid()).observed().healthStatus()).isEqualTo(HealthStatus.HEALTHY));
        assertThat(db.transactions).as("one, the failed batch of five, then five alone").hasValue(7);
    }

    @Test
    void an_update_that_loses_the_version_check_is_written_again_on_the_new_row() {
        Cluster cluster = clusters(1).getFirst();
        db.changeMeanwhile(cluster.uuid(), b -> b.status(ClusterStatus.UPDATE_COMPLETE));
        db.contended.put(cluster.uuid(), 1);

        Written written = writer.write(healthy(cluster));

        assertThat(written).isEqualTo(Written.HEALTH_CHANGED);
        assertThat(db.get(cluster.uuid()).observed().healthStatus()).isEqualTo(HealthStatus.HEALTHY);
        assertThat(db.get(cluster.uuid()).status()).isEqualTo(ClusterStatus.UPDATE_COMPLETE);
        assertThat(db.transactions).as("the polled version was gone, the first fresh read was overtaken too,"
                + " the second was written").hasValue(3);
    }

    @Test
    void a_cluster_that_keeps_changing_gets_its_health_at_the_next_poll_instead() {
        Cluster cluster = clusters(1).getFirst();
        db.changeMeanwhile(cluster.uuid(), b -> b);
        db.contended.put(cluster.uuid(), Integer.MAX_VALUE);

        assertThat(writer.write(healthy(cluster))).isEqualTo(Written.GAVE_UP);
        assertThat(db.transactions).hasValue(HealthWriter.WRITE_ATTEMPTS);
        assertThat(db.get(cluster.uuid()).observed().healthStatus()).isNull();
    }

    @Test
    void an_update_on_the_version_it_polled_is_written_without_reading_the_cluster_again() {
        Cluster cluster = clusters(1).getFirst();
        db.contended.put(cluster.uuid(), Integer.MAX_VALUE);

        assertThat(writer.write(healthy(cluster))).isEqualTo(Written.HEALTH_CHANGED);
        assertThat(db.transactions).hasValue(1);
    }

    @Test
    void a_cluster_no_longer_monitored_gets_nothing() {
        Cluster cluster = clusters(1).getFirst();
        db.changeMeanwhile(cluster.uuid(), b -> b.status(ClusterStatus.DELETE_IN_PROGRESS));

        assertThat(writer.write(healthy(cluster))).isEqualTo(Written.SKIPPED);
        assertThat(db.get(cluster.uuid()).observed().healthStatus()).isNull();
        assertThat(db.events()).isEmpty();
    }

    static void waitFor(BooleanSupplier condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                fail("timed out waiting");
            }
            Thread.onSpinWait();
            try {
                Thread.sleep(1);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
