package dev.magnetar.store;

import dev.magnetar.core.error.ErrorKind;
import dev.magnetar.core.error.MagnetarException;
import dev.magnetar.core.model.Cluster;
import dev.magnetar.core.model.ClusterEvent;
import dev.magnetar.core.model.ClusterEventKind;
import dev.magnetar.core.model.ClusterStatus;
import dev.magnetar.core.model.ClusterTemplate;
import dev.magnetar.core.model.ConductorRecord;
import dev.magnetar.core.model.HealthStatus;
import dev.magnetar.core.model.NodeGroup;
import dev.magnetar.core.model.NodeGroupState;
import dev.magnetar.core.model.Operation;
import dev.magnetar.core.model.OperationArguments;
import dev.magnetar.core.model.OperationState;
import dev.magnetar.core.model.Quota;
import dev.magnetar.core.port.ClusterRepository;
import dev.magnetar.core.port.ClusterRepository.ClusterStats;
import dev.magnetar.core.port.ClusterTemplateRepository;
import dev.magnetar.core.port.Database;
import dev.magnetar.core.port.MonitorAccountRepository.SealedAccount;
import dev.magnetar.core.port.MonitorAccountRepository.SealedSession;
import dev.magnetar.core.port.MonitorAccountRepository.SpareKey;
import dev.magnetar.core.port.PageRequest;
import dev.magnetar.core.port.CaPinRepository.CaPin;
import dev.magnetar.core.port.Repositories;
import dev.magnetar.core.port.PageRequest.SortDirection;
import dev.magnetar.core.port.Scope;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TimeZone;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import static dev.magnetar.store.Fixtures.CREATED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

/**
 * What the core's persistence ports promise, written once and run on every engine by a subclass
 * per engine. Each test starts from empty tables in a migrated scratch database.
 */
@ExtendWith(ScratchStores.class)
abstract class StoreContract {

    /** Set by {@link ScratchStores} before each test. */
    Store store;
    StoreConfig config;

    abstract Engine engine();

    Database db() {
        return store.database();
    }

    ClusterTemplate insert(ClusterTemplate template) {
        db().transact(repos -> repos.templates().insert(template));
        return template;
    }

    Optional<Cluster> find(String uuid) {
        return db().transaction((Repositories repos) -> repos.clusters().findByUuid(uuid));
    }

    Cluster insert(Cluster cluster) {
        db().transact(repos -> repos.clusters().insert(cluster));
        return cluster;
    }

    /** Runs {@code work} on {@code workers} threads released together; the results in worker order. */
    <T> List<T> race(int workers, Function<Integer, T> work) throws Exception {
        CyclicBarrier start = new CyclicBarrier(workers);
        ExecutorService pool = Executors.newFixedThreadPool(workers);
        try {
            List<Future<T>> futures = new ArrayList<>();
            for (int w = 0; w < workers; w++) {
                int worker = w;
                Callable<T> task = () -> {
                    start.await(10, TimeUnit.SECONDS);
                    return work.apply(worker);
                };
                futures.add(pool.submit(task));
            }
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) {
                results.add(future.get(30, TimeUnit.SECONDS));
            }
            return Collections.unmodifiableList(results);
        } finally {
            pool.shutdownNow();
        }
    }

    /** What the log would hold when a write fails inside the database: never a bound value. */
    @Nested
    class FailureMessages {

        @Test
        void a_failing_write_names_its_statement_and_error_but_no_value_bound_to_it() {
            String canary = "canary-" + Fixtures.uuid();
            ClusterTemplate refused = Fixtures.template("p1").userId("u".repeat(300))
                    .labels(Map.of("aws_secret_access_key", canary)).build();

            Throwable failure = catchThrowable(() -> insert(refused));

            assertThat(failure).as("a user id of 300 characters does not fit VARCHAR(255)").isNotNull();
            java.io.StringWriter logged = new java.io.StringWriter();
            failure.printStackTrace(new java.io.PrintWriter(logged));
            assertThat(logged.toString())
                    .containsIgnoringCase("insert into cluster_templates")
                    .contains(StatementMessages.NOT_LOGGED)
                    .doesNotContain(canary);
        }
    }

    @Nested
    class ClusterTemplates {

        @Test
        void every_field_survives_a_round_trip() {
            ClusterTemplate template = insert(Fixtures.everyTemplateField());

            assertThat(db().transaction((Repositories repos) -> repos.templates().findByUuid(template.uuid()))).contains(template);
        }

        @Test
        void unset_fields_and_empty_labels_come_back_unset() {
            ClusterTemplate sparse = insert(ClusterTemplate.builder().uuid(Fixtures.uuid()).serverType(null).build());

            ClusterTemplate read = db().transaction((Repositories repos) -> repos.templates().findByUuid(sparse.uuid())).orElseThrow();
            assertThat(read).isEqualTo(sparse);
            assertThat(read.labels()).isEmpty();
            assertThat(read.apiserverPort()).isNull();
            assertThat(read.createdAt()).isNull();
        }

        @Test
        void a_second_template_with_the_same_uuid_is_a_conflict() {
            ClusterTemplate template = insert(Fixtures.template("p1").build());

            assertThatThrownBy(() -> insert(Fixtures.template("p2").uuid(template.uuid()).build()))
                    .isInstanceOfSatisfying(MagnetarException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.CONFLICT))
                    .hasMessageContaining(template.uuid());
        }

        @Test
        void update_stores_every_field_on_the_stored_version_increments_it_and_reports_a_missing_row() {
            ClusterTemplate template = insert(Fixtures.template("p1").labels(Map.of("a", "1")).build());
            ClusterTemplate changed = Fixtures.everyTemplateField().toBuilder().uuid(template.uuid())
                    .version(template.version()).build();

            assertThat(db().transaction((Repositories repos) -> repos.templates().update(changed))).isTrue();
            assertThat(db().transaction((Repositories repos) -> repos.templates().findByUuid(template.uuid())))
                    .contains(changed.toBuilder().version(template.version() + 1).build());
            assertThat(db().transaction((Repositories repos) -> repos.templates().update(Fixtures.template("p1").build()))).isFalse();
        }

        @Test
        void update_on_a_stale_version_changes_nothing() {
            ClusterTemplate template = insert(Fixtures.template("p1").labels(Map.of("a", "1")).build());
            ClusterTemplate first = template.toBuilder().labels(Map.of("a", "1", "b", "2")).build();
            ClusterTemplate second = template.toBuilder().labels(Map.of("a", "1", "c", "3")).build();

            assertThat(db().transaction((Repositories repos) -> repos.templates().update(first))).isTrue();
            assertThat(db().transaction((Repositories repos) -> repos.templates().update(second)))
                    .as("computed from the version the first update replaced").isFalse();
            assertThat(db().transaction((Repositories repos) -> repos.templates().findByUuid(template.uuid())))
                    .contains(first.toBuilder().version(1).build());
        }

        @Test
        void an_update_waits_for_the_lock_of_a_locked_read_and_then_finds_its_version_gone() throws Exception {
            ClusterTemplate template = insert(Fixtures.template("p1").build());
            java.util.concurrent.CountDownLatch held = new java.util.concurrent.CountDownLatch(1);
            java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
            ExecutorService pool = Executors.newFixedThreadPool(2);
            try {
                Future<Boolean> locker = pool.submit(() -> db().transaction((Repositories repos) -> {
                    ClusterTemplate read = repos.templates().lockByUuid(template.uuid()).orElseThrow();
                    held.countDown();
                    Quotas.await(release);
                    return repos.templates().update(read.toBuilder().labels(Map.of("by", "locker")).build());
                }));
                assertThat(held.await(10, TimeUnit.SECONDS)).isTrue();
                Future<Boolean> other = pool.submit(() -> db().transaction((Repositories repos) -> repos.templates()
                        .update(template.toBuilder().labels(Map.of("by", "other")).build())));

                Thread.sleep(300);
                assertThat(other).as("an update of the locked row").isNotDone();
                release.countDown();
                assertThat(locker.get(10, TimeUnit.SECONDS)).isTrue();
                assertThat(other.get(10, TimeUnit.SECONDS)).as("its version was the one the locker replaced").isFalse();
            } finally {
                release.countDown();
                pool.shutdownNow();
            }
            assertThat(db().transaction((Repositories repos) -> repos.templates().findByUuid(template.uuid())))
                    .map(ClusterTemplate::labels).contains(Map.of("by", "locker"));
            assertThat(db().transaction((Repositories repos) -> repos.templates().lockByUuid("no-such"))).isEmpty();
        }

        @Test
        void of_two_updates_racing_from_one_read_exactly_one_lands() throws Exception {
            ClusterTemplate template = insert(Fixtures.template("p1").build());

            List<Boolean> landed = race(2, worker -> db().transaction((Repositories repos) -> repos.templates()
                    .update(template.toBuilder().labels(Map.of("writer", "w" + worker)).build())));

            assertThat(landed).containsExactlyInAnyOrder(true, false);
            ClusterTemplate stored = db().transaction((Repositories repos) -> repos.templates().findByUuid(template.uuid()))
                    .orElseThrow();
            assertThat(stored.version()).isEqualTo(1);
            assertThat(stored.labels()).isEqualTo(Map.of("writer", "w" + landed.indexOf(true)));
        }

        @Test
        void delete_removes_the_row_once() {
            ClusterTemplate template = insert(Fixtures.template("p1").build());

            assertThat(db().transaction((Repositories repos) -> repos.templates().delete(template.uuid()))).isTrue();
            assertThat(db().transaction((Repositories repos) -> repos.templates().delete(template.uuid()))).isFalse();
            assertThat(db().transaction((Repositories repos) -> repos.templates().findByUuid(template.uuid()))).isEmpty();
        }

        @Test
        void a_template_is_referenced_while_a_cluster_uses_it() {
            ClusterTemplate used = insert(Fixtures.template("p1").build());
            ClusterTemplate unused = insert(Fixtures.template("p1").build());
            insert(Fixtures.cluster("p1").clusterTemplateId(used.uuid()).build());

            assertThat(db().transaction((Repositories repos) -> repos.templates().isReferenced(used.uuid()))).isTrue();
            assertThat(db().transaction((Repositories repos) -> repos.templates().isReferenced(unused.uuid()))).isFalse();
        }

        @Test
        void names_are_looked_up_within_the_scope() {
            ClusterTemplate own = insert(Fixtures.template("p1").name("shared").build());
            ClusterTemplate ownHidden = insert(Fixtures.template("p1").name("shared").isPublic(true).hidden(true).build());
            ClusterTemplate otherPrivate = insert(Fixtures.template("p2").name("shared").build());
            ClusterTemplate otherPublic = insert(Fixtures.template("p2").name("shared").isPublic(true).build());
            ClusterTemplate otherHidden = insert(Fixtures.template("p2").name("shared").isPublic(true).hidden(true).build());
            insert(Fixtures.template("p1").name("Shared").build());

            assertThat(named("shared", Scope.project("p1"))).containsExactly(own, ownHidden);
            assertThat(named("shared", new Scope("p1", true, false))).containsExactly(own, ownHidden, otherPublic);
            assertThat(named("shared", new Scope("p1", true, true)))
                    .containsExactly(own, ownHidden, otherPublic, otherHidden);
            assertThat(named("shared", Scope.allProjects()))
                    .containsExactly(own, ownHidden, otherPrivate, otherPublic, otherHidden);
            assertThat(named("shared", new Scope(null, true, false))).containsExactly(own, otherPrivate, otherPublic);
            assertThat(named("nothing", Scope.allProjects())).isEmpty();
        }

        @Test
        void listing_applies_the_scope() {
            ClusterTemplate own = insert(Fixtures.template("p1").build());
            insert(Fixtures.template("p2").build());
            ClusterTemplate otherPublic = insert(Fixtures.template("p2").isPublic(true).build());
            insert(Fixtures.template("p2").isPublic(true).hidden(true).build());

            assertThat(db().transaction((Repositories repos) -> repos.templates().list(new Scope("p1", true, false),
                    PageRequest.firstPage(10)))).containsExactly(own, otherPublic);
            assertThat(db().transaction((Repositories repos) -> repos.templates().list(Scope.allProjects(), PageRequest.firstPage(10))))
                    .hasSize(4);
        }

        @Test
        void work_that_throws_leaves_nothing_behind() {
            ClusterTemplate template = Fixtures.template("p1").build();

            assertThatThrownBy(() -> db().transact(repos -> {
                repos.templates().insert(template);
                throw MagnetarException.invalid("changed my mind");
            })).isInstanceOf(MagnetarException.class).hasMessage("changed my mind");
            assertThat(db().transaction((Repositories repos) -> repos.templates().findByUuid(template.uuid()))).isEmpty();
        }

        @Test
        void the_generation_changes_with_every_write_in_its_transaction_and_with_nothing_else() {
            List<Long> counters = new ArrayList<>();
            List<Long> lean = new ArrayList<>();
            Runnable read = () -> {
                counters.add(generation());
                lean.add(db().templateGeneration());
            };
            read.run();
            ClusterTemplate template = insert(Fixtures.template("p1").build());
            read.run();
            db().transaction((Repositories repos) -> repos.templates().update(template.toBuilder().name("renamed").build()));
            read.run();
            db().transaction((Repositories repos) -> repos.templates().delete(template.uuid()));
            read.run();

            assertThat(counters).doesNotHaveDuplicates();
            assertThat(lean).as("the read a list cache makes on every request").doesNotHaveDuplicates();

            // Reads, writes that find no row, and a write rolled back leave both as they were.
            db().transaction((Repositories repos) -> repos.templates().list(Scope.allProjects(), PageRequest.firstPage(10)));
            db().transaction((Repositories repos) -> repos.templates().update(template));
            db().transaction((Repositories repos) -> repos.templates().delete(template.uuid()));
            assertThatThrownBy(() -> db().transact(repos -> {
                repos.templates().insert(Fixtures.template("p1").build());
                throw MagnetarException.invalid("changed my mind");
            })).isInstanceOf(MagnetarException.class);
            assertThat(generation()).isEqualTo(counters.get(3));
            assertThat(db().templateGeneration()).isEqualTo(lean.get(3));
        }

        @Test
        void concurrent_writes_each_change_the_generation() throws Exception {
            long start = generation();
            long leanStart = db().templateGeneration();

            race(8, worker -> insert(Fixtures.template("p" + worker).build()));

            assertThat(generation()).isEqualTo(start + 8);
            assertThat(db().templateGeneration()).isEqualTo(leanStart + 8);
        }

        private long generation() {
            return db().transaction((Repositories repos) -> repos.templates().generation());
        }

        private List<ClusterTemplate> named(String name, Scope scope) {
            return db().transaction((Repositories repos) -> repos.templates().findByName(name, scope));
        }
    }

    @Nested
    class Clusters {

        @Test
        void every_field_survives_a_round_trip() {
            Cluster cluster = insert(Fixtures.everyClusterField());

            assertThat(find(cluster.uuid())).contains(cluster);
        }

        @Test
        void unset_fields_and_empty_collections_come_back_unset() {
            Cluster sparse = insert(Cluster.builder().uuid(Fixtures.uuid()).build());

            Cluster read = find(sparse.uuid()).orElseThrow();
            assertThat(read).isEqualTo(sparse);
            assertThat(read.observed().masterAddresses()).isEmpty();
            assertThat(read.observed().faults()).isEmpty();
            assertThat(read.spec().floatingIpEnabled()).isNull();
            assertThat(read.observed().healthStatus()).isNull();
        }

        @Test
        void timestamps_do_not_depend_on_the_time_zone_of_the_jvm() {
            TimeZone original = TimeZone.getDefault();
            try {
                TimeZone.setDefault(TimeZone.getTimeZone("America/New_York"));
                Cluster cluster = insert(Fixtures.cluster("p1").createdAt(CREATED).build());
                TimeZone.setDefault(TimeZone.getTimeZone("Asia/Kolkata"));
                assertThat(find(cluster.uuid()).orElseThrow().createdAt()).isEqualTo(CREATED);
            } finally {
                TimeZone.setDefault(original);
            }
        }

        @Test
        void nanoseconds_are_cut_to_the_microseconds_every_engine_keeps() {
            Cluster cluster = insert(Fixtures.cluster("p1").createdAt(Instant.parse("2026-01-01T00:00:00.123456789Z"))
                    .build());

            assertThat(find(cluster.uuid()).orElseThrow().createdAt())
                    .isEqualTo(Instant.parse("2026-01-01T00:00:00.123456Z"));
        }

        @Test
        void a_second_cluster_with_the_same_uuid_is_a_conflict() {
            Cluster cluster = insert(Fixtures.cluster("p1").build());

            assertThatThrownBy(() -> insert(Fixtures.cluster("p1").uuid(cluster.uuid()).build()))
                    .isInstanceOfSatisfying(MagnetarException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.CONFLICT));
        }

        @Test
        void update_succeeds_on_the_stored_version_and_increments_it() {
            Cluster cluster = insert(Fixtures.everyClusterField());
            Cluster scaled = cluster.toBuilder().nodeCount(9).status(ClusterStatus.UPDATE_IN_PROGRESS)
                    .labels(Map.of()).nodeAddresses(List.of()).build();

            assertThat(db().transaction((Repositories repos) -> repos.clusters().update(scaled))).isTrue();
            assertThat(find(cluster.uuid())).contains(scaled.toBuilder().version(cluster.version() + 1).build());
        }

        @Test
        void update_on_a_stale_version_changes_nothing() {
            Cluster cluster = insert(Fixtures.cluster("p1").build());
            Cluster first = cluster.toBuilder().nodeCount(2).build();
            Cluster second = cluster.toBuilder().nodeCount(3).build();

            assertThat(db().transaction((Repositories repos) -> repos.clusters().update(first))).isTrue();
            assertThat(db().transaction((Repositories repos) -> repos.clusters().update(second))).isFalse();
            assertThat(find(cluster.uuid()).orElseThrow())
                    .satisfies(stored -> assertThat(stored.spec().nodeCount()).isEqualTo(2))
                    .satisfies(stored -> assertThat(stored.version()).isEqualTo(1));
        }

        @Test
        void update_health_stores_only_the_health_fields_on_the_stored_version() {
            Cluster cluster = insert(Fixtures.everyClusterField());
            Cluster polled = cluster.toBuilder().healthStatus(HealthStatus.UNHEALTHY)
                    .healthStatusReason(Map.of("marathon", "no elected leader", "10.0.0.7", "unit 'x' unhealthy"))
                    .coeVersion("2.2.1").nodeCount(99).name("not-stored").build();

            assertThat(db().transaction((Repositories repos) -> repos.clusters().updateHealth(polled))).isTrue();
            assertThat(find(cluster.uuid())).contains(cluster.toBuilder().healthStatus(HealthStatus.UNHEALTHY)
                    .healthStatusReason(polled.observed().healthStatusReason()).coeVersion("2.2.1")
                    .version(cluster.version() + 1).build());
            assertThat(db().transaction((Repositories repos) -> repos.clusters().updateHealth(polled)))
                    .as("the version it was read at is gone").isFalse();
        }

        @Test
        void update_of_a_deleted_cluster_reports_false() {
            Cluster cluster = insert(Fixtures.cluster("p1").build());

            assertThat(db().transaction((Repositories repos) -> repos.clusters().delete(cluster.uuid()))).isTrue();
            assertThat(db().transaction((Repositories repos) -> repos.clusters().delete(cluster.uuid()))).isFalse();
            assertThat(db().transaction((Repositories repos) -> repos.clusters().update(cluster))).isFalse();
        }

        @Test
        void names_are_looked_up_in_the_project_only_even_with_public_scope() {
            Cluster own = insert(Fixtures.cluster("p1").name("web").build());
            Cluster other = insert(Fixtures.cluster("p2").name("web").build());

            assertThat(db().transaction((Repositories repos) -> repos.clusters().findByName("web", new Scope("p1", true, true))))
                    .containsExactly(own);
            assertThat(db().transaction((Repositories repos) -> repos.clusters().findByName("web", Scope.allProjects())))
                    .containsExactly(own, other);
            assertThat(db().transaction((Repositories repos) -> repos.clusters().list(Scope.project("p2"), PageRequest.firstPage(5))))
                    .containsExactly(other);
        }

        @Test
        void names_match_exactly_including_case_and_trailing_spaces() {
            Cluster plain = insert(Fixtures.cluster("p1").name("web").build());
            insert(Fixtures.cluster("p1").name("Web").build());
            Cluster spaced = insert(Fixtures.cluster("p1").name("web ").build());

            assertThat(db().transaction((Repositories repos) -> repos.clusters().findByName("web", Scope.allProjects())))
                    .containsExactly(plain);
            assertThat(db().transaction((Repositories repos) -> repos.clusters().findByName("web ", Scope.allProjects())))
                    .containsExactly(spaced);
        }

        @Test
        void clusters_are_found_by_status() {
            Cluster creating = insert(Fixtures.cluster("p1").status(ClusterStatus.CREATE_IN_PROGRESS).build());
            Cluster deleting = insert(Fixtures.cluster("p2").status(ClusterStatus.DELETE_IN_PROGRESS).build());
            insert(Fixtures.cluster("p1").status(ClusterStatus.CREATE_COMPLETE).build());

            assertThat(db().transaction((Repositories repos) -> repos.clusters().findByStatus(
                    EnumSet.of(ClusterStatus.CREATE_IN_PROGRESS, ClusterStatus.DELETE_IN_PROGRESS))))
                    .containsExactly(creating, deleting);
            assertThat(db().transaction((Repositories repos) -> repos.clusters().findByStatus(List.of()))).isEmpty();
        }

        @Test
        void counts_and_stats_are_per_project_or_over_all() {
            insert(Fixtures.cluster("p1").nodeCount(3).masterCount(1).build());
            insert(Fixtures.cluster("p1").nodeCount(2).masterCount(3).build());
            insert(Fixtures.cluster("p2").nodeCount(10).masterCount(1).build());

            assertThat(db().transaction((Repositories repos) -> repos.clusters().countInProject("p1"))).isEqualTo(2);
            assertThat(db().transaction((Repositories repos) -> repos.clusters().countInProject("p3"))).isZero();
            assertThat(db().transaction((Repositories repos) -> repos.clusters().stats("p1"))).isEqualTo(new ClusterStats(2, 9));
            assertThat(db().transaction((Repositories repos) -> repos.clusters().stats(null))).isEqualTo(new ClusterStats(3, 20));
            assertThat(db().transaction((Repositories repos) -> repos.clusters().stats("p3"))).isEqualTo(new ClusterStats(0, 0));
        }

        @Test
        void stats_count_the_nodes_of_added_node_groups_too() {
            insert(Fixtures.cluster("p1").nodeCount(3).masterCount(1).build());
            insert(Fixtures.cluster("p1").nodeCount(1).masterCount(1).nodeGroups(List.of(
                    new NodeGroup(Fixtures.uuid(), "gpu", "agent", 2, 0, null, null, null, null, Map.of(), false, false,
                            null, null),
                    new NodeGroup(Fixtures.uuid(), "edge", "public_agent", 3, 0, null, null, null, null, Map.of(), false,
                            false, null, null))).build());
            insert(Fixtures.cluster("p2").nodeCount(1).masterCount(1).nodeGroups(List.of(
                    new NodeGroup(Fixtures.uuid(), "big", "agent", 4, 0, null, null, null, null, Map.of(), false, false,
                            null, null))).build());

            assertThat(db().transaction((Repositories repos) -> repos.clusters().stats("p1"))).isEqualTo(new ClusterStats(2, 11));
            assertThat(db().transaction((Repositories repos) -> repos.clusters().stats(null))).isEqualTo(new ClusterStats(3, 17));
        }

    }

    @Nested
    class NodeGroups {

        @Test
        void a_cluster_without_added_groups_reads_back_none() {
            Cluster cluster = insert(Fixtures.cluster("p1").build());

            Cluster read = find(cluster.uuid()).orElseThrow();
            assertThat(read.spec().nodeGroups()).isEmpty();
            assertThat(read.observed().nodeGroupStates()).isEmpty();
        }

        @Test
        void a_row_written_before_the_groups_existed_has_none() throws java.sql.SQLException {
            Cluster cluster = insert(Fixtures.cluster("p1").build());
            try (java.sql.Connection c = java.sql.DriverManager.getConnection(config.jdbcUrl(), config.user(),
                    config.password());
                 java.sql.PreparedStatement asBeforeV10 = c.prepareStatement(
                         "UPDATE clusters SET node_groups = NULL, node_group_states = NULL WHERE uuid = ?")) {
                asBeforeV10.setString(1, cluster.uuid());
                assertThat(asBeforeV10.executeUpdate()).isEqualTo(1);
            }

            assertThat(find(cluster.uuid()).orElseThrow()).isEqualTo(cluster);
        }

        @Test
        void a_group_with_only_the_required_fields_keeps_its_nulls() {
            NodeGroup sparse = new NodeGroup(Fixtures.uuid(), "p", "agent", 0, 0, null, null, null, null, Map.of(),
                    false, false, null, null);
            Cluster cluster = insert(Fixtures.cluster("p1").nodeGroups(List.of(sparse)).build());

            assertThat(find(cluster.uuid()).orElseThrow().spec().nodeGroups()).containsExactly(sparse);
        }

        @Test
        void groups_are_added_and_removed_with_the_cluster_in_one_optimistic_update() {
            Cluster cluster = insert(Fixtures.cluster("p1").build());
            NodeGroup first = Fixtures.everyNodeGroupField();
            NodeGroup second = new NodeGroup(Fixtures.uuid(), "edge", "public_agent", 2, 0, null, "m1.small", null,
                    null, Map.of(), false, false, CREATED, CREATED);

            Cluster withTwo = cluster.toBuilder().nodeGroups(List.of(first, second)).build();
            assertThat(db().transaction((Repositories repos) -> repos.clusters().update(withTwo))).isTrue();
            assertThat(db().transaction((Repositories repos) -> repos.clusters().update(withTwo)))
                    .as("the same version again lost the race").isFalse();
            Cluster stored = find(cluster.uuid()).orElseThrow();
            assertThat(stored.spec().nodeGroups()).containsExactly(first, second);

            Cluster withOne = stored.toBuilder().nodeGroups(List.of(second))
                    .nodeGroupStates(Map.of(second.uuid(), new NodeGroupState(ClusterStatus.UPDATE_COMPLETE, null,
                            List.of("10.0.2.1", "10.0.2.2")))).build();
            assertThat(db().transaction((Repositories repos) -> repos.clusters().update(withOne))).isTrue();
            Cluster after = find(cluster.uuid()).orElseThrow();
            assertThat(after.spec().nodeGroups()).containsExactly(second);
            assertThat(after.observed().nodeGroupStates().get(second.uuid()).nodeAddresses())
                    .containsExactly("10.0.2.1", "10.0.2.2");
        }

        @Test
        void the_stored_text_names_magnums_fields_not_the_java_components() throws java.sql.SQLException {
            Cluster cluster = insert(Fixtures.cluster("p1").nodeGroups(List.of(Fixtures.everyNodeGroupField())).build());

            String stored;
            try (java.sql.Connection c = java.sql.DriverManager.getConnection(config.jdbcUrl(), config.user(),
                    config.password());
                 java.sql.PreparedStatement select =
                         c.prepareStatement("SELECT node_groups FROM clusters WHERE uuid = ?")) {
                select.setString(1, cluster.uuid());
                try (java.sql.ResultSet row = select.executeQuery()) {
                    assertThat(row.next()).isTrue();
                    stored = row.getString(1);
                }
            }
            assertThat(stored).contains("\"node_count\":3", "\"max_node_count\":8", "\"merge_labels\":true")
                    .doesNotContain("nodeCount", "isDefault");
        }
    }

    @Nested
    class Paging {

        @Test
        void pages_follow_insertion_order_after_the_marker() {
            List<String> uuids = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                uuids.add(insert(Fixtures.cluster("p1").build()).uuid());
            }

            assertThat(clusterPage(new PageRequest(2, null, "id", SortDirection.ASC))).containsExactlyElementsOf(uuids.subList(0, 2));
            assertThat(clusterPage(new PageRequest(2, uuids.get(1), "id", SortDirection.ASC))).containsExactlyElementsOf(uuids.subList(2, 4));
            assertThat(clusterPage(new PageRequest(10, uuids.get(3), "id", SortDirection.DESC)))
                    .containsExactly(uuids.get(2), uuids.get(1), uuids.get(0));
            assertThat(clusterPage(new PageRequest(2, uuids.get(4), "id", SortDirection.ASC))).isEmpty();
        }

        @Test
        void equal_sort_values_are_ordered_by_insertion_in_the_same_direction() {
            String b1 = insert(Fixtures.cluster("p1").name("b").build()).uuid();
            String a1 = insert(Fixtures.cluster("p1").name("a").build()).uuid();
            String b2 = insert(Fixtures.cluster("p1").name("b").build()).uuid();
            String a2 = insert(Fixtures.cluster("p1").name("a").build()).uuid();

            assertThat(walkClusters("name", SortDirection.ASC, 1)).containsExactly(a1, a2, b1, b2);
            assertThat(walkClusters("name", SortDirection.DESC, 1)).containsExactly(b2, b1, a2, a1);
        }

        @Test
        void text_sorts_by_code_point_whatever_the_server_locale() {
            String lower = insert(Fixtures.cluster("p1").name("apple").build()).uuid();
            String upper = insert(Fixtures.cluster("p1").name("Banana").build()).uuid();
            String accented = insert(Fixtures.cluster("p1").name("émile").build()).uuid();
            String underscored = insert(Fixtures.cluster("p1").name("a_z").build()).uuid();

            assertThat(walkClusters("name", SortDirection.ASC, 2)).containsExactly(upper, underscored, lower, accented);
        }

        @Test
        void nulls_sort_lowest_and_page_in_both_directions() {
            String kp20 = insert(Fixtures.cluster("p1").keypair("kp-20").build()).uuid();
            String null1 = insert(Fixtures.cluster("p1").keypair(null).build()).uuid();
            String kp10 = insert(Fixtures.cluster("p1").keypair("kp-10").build()).uuid();
            String null2 = insert(Fixtures.cluster("p1").keypair(null).build()).uuid();
            String kp10b = insert(Fixtures.cluster("p1").keypair("kp-10").build()).uuid();

            List<String> ascending = List.of(null1, null2, kp10, kp10b, kp20);
            List<String> descending = List.of(kp20, kp10b, kp10, null2, null1);
            for (int pageSize = 1; pageSize <= 3; pageSize++) {
                assertThat(walkClusters("keypair", SortDirection.ASC, pageSize))
                        .as("ascending in pages of %d", pageSize).containsExactlyElementsOf(ascending);
                assertThat(walkClusters("keypair", SortDirection.DESC, pageSize))
                        .as("descending in pages of %d", pageSize).containsExactlyElementsOf(descending);
            }
        }

        @Test
        void numbers_sort_as_numbers() {
            String nine = insert(Fixtures.cluster("p1").nodeCount(9).build()).uuid();
            String ten = insert(Fixtures.cluster("p1").nodeCount(10).build()).uuid();
            String one = insert(Fixtures.cluster("p1").nodeCount(1).build()).uuid();

            assertThat(walkClusters("node_count", SortDirection.ASC, 2)).containsExactly(one, nine, ten);
        }

        @Test
        void nullable_text_and_enum_columns_page_alike() {
            String none = insert(Fixtures.cluster("p1").healthStatus(null).stackId(null).build()).uuid();
            String healthy = insert(Fixtures.cluster("p1").healthStatus(HealthStatus.HEALTHY)
                    .stackId("s2").build()).uuid();
            String unknown = insert(Fixtures.cluster("p1").healthStatus(HealthStatus.UNKNOWN)
                    .stackId("s1").build()).uuid();

            assertThat(walkClusters("health_status", SortDirection.ASC, 1)).containsExactly(none, healthy, unknown);
            assertThat(walkClusters("stack_id", SortDirection.DESC, 2)).containsExactly(healthy, unknown, none);
        }

        @Test
        void templates_page_on_the_public_flag() {
            String private1 = insert(Fixtures.template("p1").isPublic(false).build()).uuid();
            String public1 = insert(Fixtures.template("p1").isPublic(true).build()).uuid();
            String private2 = insert(Fixtures.template("p1").isPublic(false).build()).uuid();

            assertThat(walkTemplatesOrClusters(true, "public", SortDirection.ASC, 1))
                    .containsExactly(private1, private2, public1);
            assertThat(walkTemplatesOrClusters(true, "public", SortDirection.DESC, 2))
                    .containsExactly(public1, private2, private1);
        }

        @Test
        void templates_page_on_timestamps_with_unset_ones_lowest() {
            String late = insert(Fixtures.template("p1").createdAt(CREATED.plusSeconds(60)).build()).uuid();
            String unset = insert(Fixtures.template("p1").createdAt(null).build()).uuid();
            String early = insert(Fixtures.template("p1").createdAt(CREATED.plusNanos(1000)).build()).uuid();
            String earliest = insert(Fixtures.template("p1").createdAt(CREATED).build()).uuid();

            assertThat(walkTemplatesOrClusters(true, "created_at", SortDirection.ASC, 3))
                    .containsExactly(unset, earliest, early, late);
            assertThat(walkTemplatesOrClusters(true, "created_at", SortDirection.DESC, 3))
                    .containsExactly(late, early, earliest, unset);
        }

        @Test
        void every_sort_key_is_accepted() {
            insert(Fixtures.everyTemplateField());
            insert(Fixtures.everyClusterField());
            for (String key : ClusterTemplateRepository.SORT_KEYS) {
                assertThat(walkTemplatesOrClusters(true, key, SortDirection.DESC, 1)).as(key).hasSize(1);
            }
            for (String key : ClusterRepository.SORT_KEYS) {
                assertThat(walkTemplatesOrClusters(false, key, SortDirection.ASC, 1)).as(key).hasSize(1);
            }
        }

        @Test
        void a_key_outside_the_sortable_fields_is_refused() {
            assertThatThrownBy(() -> clusterPage(new PageRequest(1, null, "labels; DROP TABLE clusters", SortDirection.ASC)))
                    .isInstanceOf(IllegalArgumentException.class);
        }

        private List<String> clusterPage(PageRequest page) {
            return db().transaction((Repositories repos) -> repos.clusters().list(Scope.allProjects(), page)).stream()
                    .map(Cluster::uuid).toList();
        }

        private List<String> walkClusters(String key, SortDirection direction, int pageSize) {
            return walkTemplatesOrClusters(false, key, direction, pageSize);
        }

        /** Follows markers page by page until an empty page, as a client would. */
        private List<String> walkTemplatesOrClusters(boolean templates, String key, SortDirection direction,
                                                     int pageSize) {
            Function<PageRequest, List<String>> pageOf = page -> db().transaction((Repositories repos) -> templates
                    ? repos.templates().list(Scope.allProjects(), page).stream().map(ClusterTemplate::uuid).toList()
                    : repos.clusters().list(Scope.allProjects(), page).stream().map(Cluster::uuid).toList());
            List<String> seen = new ArrayList<>();
            String marker = null;
            for (int guard = 0; guard < 50; guard++) {
                List<String> page = pageOf.apply(new PageRequest(pageSize, marker, key, direction));
                assertThat(page.size()).isLessThanOrEqualTo(pageSize);
                if (page.isEmpty()) {
                    return seen;
                }
                seen.addAll(page);
                marker = page.getLast();
            }
            throw new AssertionError("paging by " + key + " never ended: " + seen);
        }
    }

    @Nested
    class Operations {

        private final Instant now = Instant.parse("2026-05-01T12:00:00Z");
        private final Duration lease = Duration.ofMinutes(5);

        @Test
        void an_operation_survives_a_round_trip() {
            Operation op = new Operation(Fixtures.uuid(), Fixtures.uuid(),
                    new OperationArguments.Update(3, List.of("a", "b"), true), OperationState.PENDING, 2, "w1",
                    now.plusSeconds(30), now, "boom", CREATED, now);
            db().transact(repos -> repos.operations().insert(op));

            assertThat(db().transaction((Repositories repos) -> repos.operations().findById(op.id()))).contains(op);
        }

        @Test
        void an_update_queued_by_the_previous_version_as_flat_strings_is_claimed_with_its_typed_arguments()
                throws Exception {
            Operation queued = insertOperation(Operation.pending(Fixtures.uuid(), Fixtures.uuid(),
                    new OperationArguments.Update(0, List.of(), false), now));
            storePayload(queued.id(), "{\"nodes_to_remove\":\"node-1\\nnode-2\",\"previous_node_count\":\"3\","
                    + "\"rollback\":\"true\"}");

            Operation claimed = claim("w1", now).orElseThrow();

            assertThat(claimed.id()).isEqualTo(queued.id());
            assertThat(claimed.arguments())
                    .isEqualTo(new OperationArguments.Update(3, List.of("node-1", "node-2"), true));
        }

        @Test
        void the_oldest_due_operation_is_claimed_with_a_lease_and_one_more_attempt() {
            Operation older = pending(now.minusSeconds(20));
            pending(now.minusSeconds(10));

            Operation claimed = claim("w1", now).orElseThrow();

            assertThat(claimed.id()).isEqualTo(older.id());
            assertThat(claimed.leaseOwner()).isEqualTo("w1");
            assertThat(claimed.leaseUntil()).isEqualTo(now.plus(lease));
            assertThat(claimed.attempts()).isEqualTo(1);
            assertThat(claimed.state()).isEqualTo(OperationState.PENDING);
        }

        @Test
        void the_clusters_with_pending_operations_are_read_at_once_and_a_finished_operation_leaves_its_cluster_out() {
            Operation other = insertOperation(Operation.pending(Fixtures.uuid(), "c2", new OperationArguments.Create(),
                    now.minusSeconds(10)));
            insertOperation(Operation.pending(Fixtures.uuid(), "c1", new OperationArguments.Create(), now));
            insertOperation(Operation.pending(Fixtures.uuid(), "c1", new OperationArguments.Delete(), now));

            assertThat(db().transaction((Repositories repos) -> repos.operations().clustersWithPending()))
                    .containsExactlyInAnyOrder("c1", "c2");

            assertThat(claim("w1", now)).map(Operation::id).contains(other.id());
            db().transact(repos -> repos.operations().complete(other.id(), "w1", now));
            assertThat(db().transaction((Repositories repos) -> repos.operations().clustersWithPending()))
                    .containsExactly("c1");
        }

        @Test
        void an_operation_is_not_claimed_before_its_not_before() {
            Operation later = insertOperation(Operation.pending(Fixtures.uuid(), "c", new OperationArguments.Create(),
                    now.plusSeconds(60)));

            assertThat(claim("w1", now)).isEmpty();
            assertThat(claim("w1", now.plusSeconds(60))).map(Operation::id).contains(later.id());
        }

        @Test
        void a_leased_operation_is_claimable_again_only_when_the_lease_expires() {
            Operation op = pending(now);
            claim("w1", now).orElseThrow();

            assertThat(claim("w2", now.plusSeconds(1))).isEmpty();
            Operation reclaimed = claim("w2", now.plus(lease)).orElseThrow();

            assertThat(reclaimed.id()).isEqualTo(op.id());
            assertThat(reclaimed.leaseOwner()).isEqualTo("w2");
            assertThat(reclaimed.attempts()).isEqualTo(2);
            assertThat(db().transaction((Repositories repos) -> repos.operations().complete(op.id(), "w1", now))).isFalse();
        }

        @Test
        void only_the_owner_completes_and_a_done_operation_is_no_longer_pending() {
            Operation op = pending(now);
            claim("w1", now).orElseThrow();

            assertThat(db().transaction((Repositories repos) -> repos.operations().complete(op.id(), "w2", now))).isFalse();
            assertThat(db().transaction((Repositories repos) -> repos.operations().complete(op.id(), "w1", now.plusSeconds(1)))).isTrue();

            Operation done = find(op.id());
            assertThat(done.state()).isEqualTo(OperationState.DONE);
            assertThat(done.updatedAt()).isEqualTo(now.plusSeconds(1));
            assertThat(db().transaction((Repositories repos) -> repos.operations().countPending())).isZero();
            assertThat(db().transaction((Repositories repos) -> repos.operations().pendingFor(op.clusterUuid()))).isEmpty();
            assertThat(claim("w2", now.plus(lease).plus(lease))).isEmpty();
            assertThat(db().transaction((Repositories repos) -> repos.operations().complete(op.id(), "w1", now))).isFalse();
        }

        @Test
        void only_the_owner_fails_an_operation_for_good() {
            Operation op = pending(now);
            claim("w1", now).orElseThrow();

            assertThat(db().transaction((Repositories repos) -> repos.operations().fail(op.id(), "w2", "no", now))).isFalse();
            assertThat(db().transaction((Repositories repos) -> repos.operations().fail(op.id(), "w1", "Heat said no", now))).isTrue();

            assertThat(find(op.id())).satisfies(failed -> {
                assertThat(failed.state()).isEqualTo(OperationState.FAILED);
                assertThat(failed.lastError()).isEqualTo("Heat said no");
            });
            assertThat(claim("w1", now.plus(lease).plus(lease))).isEmpty();
        }

        @Test
        void only_the_owner_gives_an_operation_back_for_a_later_attempt() {
            Operation op = pending(now);
            claim("w1", now).orElseThrow();
            Instant retryAt = now.plusSeconds(30);

            assertThat(db().transaction((Repositories repos) -> repos.operations().retryLater(op.id(), "w2", retryAt, "x", now))).isFalse();
            assertThat(db().transaction((Repositories repos) -> repos.operations().retryLater(op.id(), "w1", retryAt, "busy", now)))
                    .isTrue();

            Operation waiting = find(op.id());
            assertThat(waiting.leaseOwner()).isNull();
            assertThat(waiting.leaseUntil()).isNull();
            assertThat(waiting.notBefore()).isEqualTo(retryAt);
            assertThat(waiting.lastError()).isEqualTo("busy");
            assertThat(claim("w2", retryAt.minusMillis(1))).isEmpty();
            assertThat(claim("w2", retryAt)).map(Operation::attempts).contains(2);
        }

        @Test
        void pending_operations_of_a_cluster_are_listed_oldest_first() {
            Operation first = insertOperation(Operation.pending(Fixtures.uuid(), "c1", new OperationArguments.Create(),
                    now));
            Operation second = insertOperation(Operation.pending(Fixtures.uuid(), "c1", new OperationArguments.Delete(),
                    now));
            insertOperation(Operation.pending(Fixtures.uuid(), "c2", new OperationArguments.Create(), now));

            assertThat(db().transaction((Repositories repos) -> repos.operations().pendingFor("c1"))).containsExactly(first, second);
            assertThat(db().transaction((Repositories repos) -> repos.operations().countPending())).isEqualTo(3);
        }

        @Test
        void of_two_workers_racing_for_one_operation_exactly_one_wins() throws Exception {
            for (int round = 0; round < 8; round++) {
                Operation op = pending(now);
                List<Optional<Operation>> results = race(2, worker -> claim("w" + worker, now));

                assertThat(results.stream().filter(Optional::isPresent).count()).as("round %d", round).isEqualTo(1);
                assertThat(find(op.id()).attempts()).isEqualTo(1);
                db().transact(repos -> repos.operations().complete(op.id(), find(op.id()).leaseOwner(), now));
            }
        }

        @Test
        void racing_workers_draining_the_outbox_claim_each_operation_once() throws Exception {
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                ids.add(pending(now.plusMillis(i)).id());
            }
            Map<String, String> claimedBy = new ConcurrentHashMap<>();
            List<Integer> claimsPerWorker = race(2, worker -> {
                int claims = 0;
                for (int attempt = 0; attempt < 100 && claimedBy.size() < ids.size(); attempt++) {
                    Optional<Operation> claimed = claim("w" + worker, now.plusSeconds(1));
                    if (claimed.isPresent()) {
                        claims++;
                        String previous = claimedBy.putIfAbsent(claimed.get().id(), "w" + worker);
                        assertThat(previous).as("second claim of %s", claimed.get().id()).isNull();
                    }
                }
                return claims;
            });

            assertThat(claimsPerWorker.stream().mapToInt(Integer::intValue).sum()).isEqualTo(ids.size());
            assertThat(claimedBy.keySet()).containsExactlyInAnyOrderElementsOf(ids);
            assertThat(ids).allSatisfy(id -> assertThat(find(id).attempts()).isEqualTo(1));
        }

        private Operation pending(Instant createdAt) {
            return insertOperation(Operation.pending(Fixtures.uuid(), Fixtures.uuid(), new OperationArguments.Create(),
                    createdAt));
        }

        private Operation insertOperation(Operation op) {
            db().transact(repos -> repos.operations().insert(op));
            return op;
        }

        /** Writes a payload as an earlier version of Magnetar did, past the repository. */
        private void storePayload(String id, String payload) throws java.sql.SQLException {
            try (java.sql.Connection c = java.sql.DriverManager.getConnection(config.jdbcUrl(), config.user(),
                    config.password());
                 java.sql.PreparedStatement update =
                         c.prepareStatement("UPDATE operations SET payload = ? WHERE id = ?")) {
                update.setString(1, payload);
                update.setString(2, id);
                assertThat(update.executeUpdate()).isEqualTo(1);
            }
        }

        private Optional<Operation> claim(String owner, Instant at) {
            return db().transaction((Repositories repos) -> repos.operations().claimNext(owner, at, lease));
        }

        private Operation find(String id) {
            return db().transaction((Repositories repos) -> repos.operations().findById(id)).orElseThrow();
        }
    }

    @Nested
    class Conductors {

        private final Instant start = Instant.parse("2026-05-01T12:00:00.250Z");

        @Test
        void the_first_heartbeat_registers_and_later_ones_report_up() {
            db().transact(repos -> repos.conductors().heartbeat("node-1", "magnetar-conductor", start));

            ConductorRecord registered = single();
            assertThat(registered.host()).isEqualTo("node-1");
            assertThat(registered.binary()).isEqualTo("magnetar-conductor");
            assertThat(registered.reportCount()).isZero();
            assertThat(registered.createdAt()).isEqualTo(start);
            assertThat(registered.disabled()).isFalse();
            assertThat(registered.forcedDown()).isFalse();

            db().transact(repos -> repos.conductors().heartbeat("node-1", "magnetar-conductor", start.plusSeconds(10)));
            db().transact(repos -> repos.conductors().heartbeat("node-1", "magnetar-conductor", start.plusSeconds(20)));

            ConductorRecord reported = single();
            assertThat(reported.id()).isEqualTo(registered.id());
            assertThat(reported.reportCount()).isEqualTo(2);
            assertThat(reported.lastSeenUp()).isEqualTo(start.plusSeconds(20));
            assertThat(reported.updatedAt()).isEqualTo(start.plusSeconds(20));
            assertThat(reported.createdAt()).isEqualTo(start);
        }

        @Test
        void replicas_registering_the_same_host_at_once_share_one_row() throws Exception {
            for (int round = 0; round < 5; round++) {
                String host = "node-" + round;
                race(2, worker -> {
                    db().transact(repos -> repos.conductors().heartbeat(host, "magnetar-conductor", start));
                    return worker;
                });

                assertThat(db().transaction((Repositories repos) -> repos.conductors().list()))
                        .filteredOn(record -> record.host().equals(host))
                        .singleElement()
                        .satisfies(record -> assertThat(record.reportCount()).isEqualTo(1));
            }
        }

        @Test
        void each_host_and_binary_has_its_own_row_in_registration_order() {
            db().transact(repos -> repos.conductors().heartbeat("node-2", "magnetar-conductor", start));
            db().transact(repos -> repos.conductors().heartbeat("node-1", "magnetar-conductor", start));
            db().transact(repos -> repos.conductors().heartbeat("node-1", "other-binary", start));

            assertThat(db().transaction((Repositories repos) -> repos.conductors().list()))
                    .extracting(ConductorRecord::host, ConductorRecord::binary)
                    .containsExactly(tuple("node-2", "magnetar-conductor"),
                            tuple("node-1", "magnetar-conductor"),
                            tuple("node-1", "other-binary"));
        }

        private ConductorRecord single() {
            List<ConductorRecord> all = db().transaction((Repositories repos) -> repos.conductors().list());
            assertThat(all).hasSize(1);
            return all.getFirst();
        }
    }

    @Nested
    class Quotas {

        private final Instant now = Instant.parse("2026-05-01T12:00:00.5Z");

        @Test
        void an_inserted_quota_is_returned_with_its_generated_id() {
            Quota quota = db().transaction((Repositories repos) -> repos.quotas().insert("p1", "Cluster", 5, now));

            assertThat(quota.id()).isPositive();
            assertThat(quota).isEqualTo(new Quota(quota.id(), "p1", "Cluster", 5, now, null, 0));
            assertThat(db().transaction((Repositories repos) -> repos.quotas().find("p1", "Cluster"))).contains(quota);
            assertThat(db().transaction((Repositories repos) -> repos.quotas().find("p2", "Cluster"))).isEmpty();
        }

        @Test
        void a_second_quota_for_the_same_project_and_resource_is_a_conflict() {
            db().transact(repos -> repos.quotas().insert("p1", "Cluster", 5, now));

            assertThatThrownBy(() -> db().transact(repos -> repos.quotas().insert("p1", "Cluster", 7, now)))
                    .isInstanceOfSatisfying(MagnetarException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.CONFLICT))
                    .hasMessageContaining("p1");
            assertThat(db().transaction((Repositories repos) -> repos.quotas().find("p1", "Cluster")))
                    .map(Quota::hardLimit).contains(5);
            assertThat(db().transaction((Repositories repos) -> repos.quotas().insert("p2", "Cluster", 7, now)).hardLimit()).isEqualTo(7);
        }

        @Test
        void quotas_are_listed_by_id_per_project_or_over_all_after_a_marker() {
            Quota a = db().transaction((Repositories repos) -> repos.quotas().insert("p1", "Cluster", 1, now));
            Quota b = db().transaction((Repositories repos) -> repos.quotas().insert("p2", "Cluster", 2, now));
            Quota c = db().transaction((Repositories repos) -> repos.quotas().insert("p1", "Other", 3, now));

            assertThat(db().transaction((Repositories repos) -> repos.quotas().list(null, 10, null))).containsExactly(a, b, c);
            assertThat(db().transaction((Repositories repos) -> repos.quotas().list("p1", 10, null))).containsExactly(a, c);
            assertThat(db().transaction((Repositories repos) -> repos.quotas().list(null, 1, a.id()))).containsExactly(b);
        }

        @Test
        void a_quota_is_updated_on_its_stored_version_and_deleted() {
            Quota quota = db().transaction((Repositories repos) -> repos.quotas().insert("p1", "Cluster", 1, now));
            Quota raised = new Quota(quota.id(), "p1", "Cluster", 9, quota.createdAt(), now.plusSeconds(5), 0);

            assertThat(db().transaction((Repositories repos) -> repos.quotas().update(raised))).isTrue();
            assertThat(db().transaction((Repositories repos) -> repos.quotas().find("p1", "Cluster")))
                    .contains(new Quota(quota.id(), "p1", "Cluster", 9, quota.createdAt(), now.plusSeconds(5), 1));
            assertThat(db().transaction((Repositories repos) -> repos.quotas().delete("p1", "Cluster"))).isTrue();
            assertThat(db().transaction((Repositories repos) -> repos.quotas().delete("p1", "Cluster"))).isFalse();
            assertThat(db().transaction((Repositories repos) -> repos.quotas().update(raised))).isFalse();
        }

        @Test
        void a_quota_update_on_a_stale_version_changes_nothing() {
            Quota quota = db().transaction((Repositories repos) -> repos.quotas().insert("p1", "Cluster", 1, now));
            Quota first = new Quota(quota.id(), "p1", "Cluster", 5, quota.createdAt(), now.plusSeconds(1), 0);
            Quota second = new Quota(quota.id(), "p1", "Cluster", 7, quota.createdAt(), now.plusSeconds(2), 0);

            assertThat(db().transaction((Repositories repos) -> repos.quotas().update(first))).isTrue();
            assertThat(db().transaction((Repositories repos) -> repos.quotas().update(second))).isFalse();
            assertThat(db().transaction((Repositories repos) -> repos.quotas().find("p1", "Cluster")))
                    .map(Quota::hardLimit).contains(5);
        }

        @Test
        void creates_that_count_under_the_project_lock_never_exceed_the_limit() throws Exception {
            int limit = 5;
            insert(Fixtures.cluster("p2").build());

            List<Boolean> created = race(24, worker -> db().transaction((Repositories repos) -> {
                repos.quotas().lockUsage("p1", "Cluster", now);
                if (repos.clusters().countInProject("p1") >= limit) {
                    return false;
                }
                repos.clusters().insert(Fixtures.cluster("p1").build());
                return true;
            }));

            assertThat(created).filteredOn(c -> c).hasSize(limit);
            assertThat(db().transaction((Repositories repos) -> repos.clusters().countInProject("p1"))).isEqualTo(limit);
        }

        @Test
        void a_project_lock_is_held_until_its_transaction_ends_and_other_projects_do_not_wait() throws Exception {
            java.util.concurrent.CountDownLatch held = new java.util.concurrent.CountDownLatch(1);
            java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
            ExecutorService pool = Executors.newFixedThreadPool(2);
            try {
                Future<?> holder = pool.submit(() -> db().transact(repos -> {
                    repos.quotas().lockUsage("p1", "Cluster", now);
                    held.countDown();
                    await(release);
                }));
                assertThat(held.await(10, TimeUnit.SECONDS)).isTrue();
                Future<String> waiter = pool.submit(() -> db().transaction((Repositories repos) -> {
                    repos.quotas().lockUsage("p1", "Cluster", now);
                    return "locked";
                }));

                db().transact(repos -> repos.quotas().lockUsage("p2", "Cluster", now));
                // Longer than H2's default lock timeout: a queue on a busy project's lock waits its turn.
                Thread.sleep(2_500);
                assertThat(waiter).as("the second lock of p1 while the first is held").isNotDone();
                release.countDown();
                holder.get(10, TimeUnit.SECONDS);
                assertThat(waiter.get(10, TimeUnit.SECONDS)).isEqualTo("locked");
            } finally {
                release.countDown();
                pool.shutdownNow();
            }
        }

        @Test
        void a_lock_made_in_work_that_throws_leaves_no_row_behind() throws Exception {
            assertThatThrownBy(() -> db().transact(repos -> {
                repos.quotas().lockUsage("p1", "Cluster", now);
                throw MagnetarException.forbidden("over quota");
            })).isInstanceOf(MagnetarException.class);
            assertThat(lockRows()).isZero();

            db().transact(repos -> repos.quotas().lockUsage("p1", "Cluster", now));
            db().transact(repos -> repos.quotas().lockUsage("p1", "Cluster", now));
            assertThat(lockRows()).as("one row per project and resource, made once").isEqualTo(1);
        }

        private int lockRows() throws java.sql.SQLException {
            try (java.sql.Connection c = java.sql.DriverManager.getConnection(config.jdbcUrl(), config.user(),
                    config.password());
                 java.sql.ResultSet rows = c.createStatement().executeQuery("SELECT COUNT(*) FROM quota_locks")) {
                rows.next();
                return rows.getInt(1);
            }
        }

        static void await(java.util.concurrent.CountDownLatch latch) {
            try {
                if (!latch.await(30, TimeUnit.SECONDS)) {
                    throw new IllegalStateException("never released");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    @Nested
    class ClusterEvents {

        ClusterEvent event(Cluster cluster, ClusterEventKind kind, String reason, Instant time) {
            return ClusterEvent.of(cluster, kind, "u1", reason, time);
        }

        @Test
        void events_read_back_field_for_field_in_the_order_they_happened() {
            Cluster cluster = insert(Fixtures.cluster("p1").healthStatus(HealthStatus.UNHEALTHY).build());
            Cluster other = insert(Fixtures.cluster("p1").build());
            db().transact(repos -> {
                repos.events().record(event(cluster, ClusterEventKind.CREATED, "requested ✓", CREATED));
                repos.events().record(event(other, ClusterEventKind.CREATED, null, CREATED));
                repos.events().record(new ClusterEvent(0, CREATED.plusSeconds(1), cluster.uuid(), "p1",
                        ClusterEventKind.HEALTH_CHANGED, ClusterEvent.MONITOR, "HEALTHY -> UNHEALTHY", null, null));
            });

            List<ClusterEvent> events = db().transaction((Repositories repos) -> repos.events().listFor(cluster.uuid(), 10));

            assertThat(events).extracting(ClusterEvent::kind, ClusterEvent::actor, ClusterEvent::reason,
                            ClusterEvent::status, ClusterEvent::healthStatus, ClusterEvent::time)
                    .containsExactly(
                            tuple(ClusterEventKind.CREATED, "u1", "requested ✓", ClusterStatus.CREATE_IN_PROGRESS,
                                    HealthStatus.UNHEALTHY, CREATED),
                            tuple(ClusterEventKind.HEALTH_CHANGED, "monitor", "HEALTHY -> UNHEALTHY", null, null,
                                    CREATED.plusSeconds(1)));
            assertThat(events.get(0).id()).isLessThan(events.get(1).id());
            assertThat(events).allSatisfy(e -> assertThat(e.projectId()).isEqualTo("p1"));
        }

        @Test
        void a_limit_keeps_the_newest_events_still_oldest_first() {
            Cluster cluster = insert(Fixtures.cluster("p1").build());
            db().transact(repos -> {
                for (int n = 0; n < 5; n++) {
                    repos.events().record(event(cluster, ClusterEventKind.SCALED, "step " + n, CREATED.plusSeconds(n)));
                }
            });

            assertThat(db().transaction((Repositories repos) -> repos.events().listFor(cluster.uuid(), 2)))
                    .extracting(ClusterEvent::reason).containsExactly("step 3", "step 4");
        }

        @Test
        void events_outlive_their_cluster_and_roll_back_with_the_change_they_describe() {
            Cluster cluster = insert(Fixtures.cluster("p1").build());
            db().transact(repos -> {
                repos.clusters().delete(cluster.uuid());
                repos.events().record(event(cluster, ClusterEventKind.DELETED, "its stack is gone", CREATED));
            });
            assertThatThrownBy(() -> db().transact(repos -> {
                repos.events().record(event(cluster, ClusterEventKind.SCALED, "never happened", CREATED));
                throw new IllegalStateException("the change failed");
            })).hasMessage("the change failed");

            assertThat(db().transaction((Repositories repos) -> repos.events().listFor(cluster.uuid(), 10)))
                    .extracting(ClusterEvent::kind).containsExactly(ClusterEventKind.DELETED);
        }
    }

    @Nested
    class SpareKeys {

        SpareKey spare(int n) {
            return new SpareKey("00000000-0000-4000-8000-" + String.format("%012d", n),
                    "-----BEGIN PUBLIC KEY-----\nMIIB" + n + "\n-----END PUBLIC KEY-----\n", "v1:" + "A".repeat(2400), CREATED);
        }

        @Test
        void spares_are_counted_and_each_is_taken_once_as_it_was_stored() {
            db().transact(repos -> {
                repos.monitorAccounts().insertSpare(spare(1));
                repos.monitorAccounts().insertSpare(spare(2));
            });

            assertThat(db().transaction((Repositories repos) -> repos.monitorAccounts().countSpares())).isEqualTo(2);
            SpareKey first = db().transaction((Repositories repos) -> repos.monitorAccounts().takeSpare()).orElseThrow();
            SpareKey second = db().transaction((Repositories repos) -> repos.monitorAccounts().takeSpare()).orElseThrow();
            assertThat(List.of(first, second)).containsExactlyInAnyOrder(spare(1), spare(2));
            assertThat(db().transaction((Repositories repos) -> repos.monitorAccounts().takeSpare())).isEmpty();
            assertThat(db().transaction((Repositories repos) -> repos.monitorAccounts().countSpares())).isZero();
        }

        @Test
        void a_take_rolled_back_puts_the_spare_back() {
            db().transact(repos -> repos.monitorAccounts().insertSpare(spare(1)));

            assertThatThrownBy(() -> db().transact(repos -> {
                repos.monitorAccounts().takeSpare().orElseThrow();
                throw new IllegalStateException("the account could not be stored");
            })).isInstanceOf(IllegalStateException.class);

            assertThat(db().transaction((Repositories repos) -> repos.monitorAccounts().takeSpare())).contains(spare(1));
        }

        @Test
        void concurrent_takes_never_get_the_same_spare() throws Exception {
            db().transact(repos -> {
                for (int n = 0; n < 40; n++) {
                    repos.monitorAccounts().insertSpare(spare(n));
                }
            });

            List<List<String>> taken = race(4, worker -> {
                List<String> mine = new ArrayList<>();
                for (int i = 0; i < 10; i++) {
                    db().transaction((Repositories repos) -> repos.monitorAccounts().takeSpare())
                            .ifPresent(key -> mine.add(key.id()));
                }
                return mine;
            });

            List<String> all = taken.stream().flatMap(List::stream).toList();
            assertThat(all).doesNotHaveDuplicates();
            assertThat(all.size() + db().transaction((Repositories repos) -> repos.monitorAccounts().countSpares()))
                    .isEqualTo(40);
        }
    }

    @Nested
    class MonitorAccounts {

        SealedAccount account(Cluster cluster, String uid) {
            return new SealedAccount(cluster.uuid(), uid, "-----BEGIN PUBLIC KEY-----\nMIIB\n-----END PUBLIC KEY-----\n",
                    "v1:" + "A".repeat(2400), CREATED);
        }

        @Test
        void an_account_reads_back_and_a_second_one_for_the_same_cluster_is_a_conflict() {
            Cluster cluster = insert(Fixtures.cluster("p1").build());
            SealedAccount account = account(cluster, "magnetar-abc");
            db().transact(repos -> repos.monitorAccounts().insert(account));

            assertThat(db().transaction((Repositories repos) -> repos.monitorAccounts().find(cluster.uuid())))
                    .contains(account);
            assertThatThrownBy(() -> db().transact(repos -> repos.monitorAccounts().insert(account(cluster, "other"))))
                    .isInstanceOfSatisfying(MagnetarException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.CONFLICT));
        }

        @Test
        void a_kept_session_reads_back_with_its_account_is_replaced_by_the_next_and_can_be_forgotten() {
            Cluster cluster = insert(Fixtures.cluster("p1").build());
            SealedAccount account = account(cluster, "magnetar-abc");
            db().transact(repos -> repos.monitorAccounts().insert(account));
            SealedSession first = new SealedSession("v1:" + "B".repeat(1200), Instant.parse("2026-03-06T12:00:00.123456Z"));
            SealedSession second = new SealedSession("v1:" + "C".repeat(1200), Instant.parse("2026-03-11T12:00:00Z"));

            assertThat(db().transaction((Repositories repos) -> repos.monitorAccounts().find(cluster.uuid())))
                    .hasValueSatisfying(a -> assertThat(a.keptSession()).isEmpty());
            assertThat(db().transaction((Repositories repos) -> repos.monitorAccounts().keepSession(cluster.uuid(), first)))
                    .isTrue();
            db().transact(repos -> repos.monitorAccounts().keepSession(cluster.uuid(), second));
            assertThat(db().transaction((Repositories repos) -> repos.monitorAccounts().find(cluster.uuid())))
                    .hasValueSatisfying(a -> {
                        assertThat(a.keptSession()).contains(second);
                        assertThat(a.sealedPrivateKey()).isEqualTo(account.sealedPrivateKey());
                    });

            db().transact(repos -> repos.monitorAccounts().forgetSession(cluster.uuid()));
            assertThat(db().transaction((Repositories repos) -> repos.monitorAccounts().find(cluster.uuid())))
                    .contains(account);
        }

        @Test
        void a_session_needs_an_account_to_be_kept_on() {
            Cluster cluster = insert(Fixtures.cluster("p1").build());
            SealedSession session = new SealedSession("v1:AAAA", Instant.parse("2026-03-06T12:00:00Z"));

            assertThat(db().transaction((Repositories repos) -> repos.monitorAccounts().keepSession(cluster.uuid(), session)))
                    .isFalse();
            assertThat(db().transaction((Repositories repos) -> repos.monitorAccounts().find(cluster.uuid()))).isEmpty();
        }

        @Test
        void the_account_goes_with_its_clusters_row() {
            Cluster cluster = insert(Fixtures.cluster("p1").build());
            Cluster kept = insert(Fixtures.cluster("p1").build());
            db().transact(repos -> {
                repos.monitorAccounts().insert(account(cluster, "magnetar-1"));
                repos.monitorAccounts().insert(account(kept, "magnetar-2"));
            });

            db().transact(repos -> repos.clusters().delete(cluster.uuid()));

            assertThat(db().transaction((Repositories repos) -> repos.monitorAccounts().find(cluster.uuid()))).isEmpty();
            assertThat(db().transaction((Repositories repos) -> repos.monitorAccounts().find(kept.uuid()))).isPresent();
        }

        @Test
        void an_account_needs_an_existing_cluster() {
            Cluster never = Fixtures.cluster("p1").build();

            assertThatThrownBy(() -> db().transact(repos -> repos.monitorAccounts().insert(account(never, "x"))))
                    .isNotNull();
        }
    }

    @Nested
    class CaPins {

        CaPin pin(Cluster cluster, String pem) {
            return new CaPin(cluster.uuid(), pem, Instant.parse("2026-03-06T12:00:00.123456Z"));
        }

        static final String PEM = "-----BEGIN CERTIFICATE-----\n" + "MIIB".repeat(400) + "\n-----END CERTIFICATE-----\n";

        @Test
        void a_pin_reads_back_and_the_first_pin_stands() {
            Cluster cluster = insert(Fixtures.cluster("p1").build());
            CaPin first = pin(cluster, PEM);

            assertThat(db().transaction((Repositories repos) -> repos.caPins().find(cluster.uuid()))).isEmpty();
            assertThat(db().transaction((Repositories repos) -> repos.caPins().pinIfAbsent(first))).isTrue();
            assertThat(db().transaction((Repositories repos) -> repos.caPins().pinIfAbsent(pin(cluster, "other"))))
                    .isFalse();
            assertThat(db().transaction((Repositories repos) -> repos.caPins().find(cluster.uuid()))).contains(first);
        }

        @Test
        void an_unpinned_cluster_is_pinned_again_by_the_next_fetch() {
            Cluster cluster = insert(Fixtures.cluster("p1").build());
            db().transact(repos -> repos.caPins().pinIfAbsent(pin(cluster, PEM)));

            db().transact(repos -> repos.caPins().unpin(cluster.uuid()));
            assertThat(db().transaction((Repositories repos) -> repos.caPins().find(cluster.uuid()))).isEmpty();
            assertThat(db().transaction((Repositories repos) -> repos.caPins().pinIfAbsent(pin(cluster, "re-fetched"))))
                    .isTrue();
            assertThat(db().transaction((Repositories repos) -> repos.caPins().find(cluster.uuid())))
                    .hasValueSatisfying(p -> assertThat(p.certificatePem()).isEqualTo("re-fetched"));
        }

        @Test
        void a_cluster_that_is_gone_gets_no_pin_and_a_pin_goes_with_its_clusters_row() {
            Cluster cluster = insert(Fixtures.cluster("p1").build());
            Cluster kept = insert(Fixtures.cluster("p1").build());
            Cluster never = Fixtures.cluster("p1").build();
            db().transact(repos -> {
                repos.caPins().pinIfAbsent(pin(cluster, PEM));
                repos.caPins().pinIfAbsent(pin(kept, PEM));
            });

            db().transact(repos -> repos.clusters().delete(cluster.uuid()));

            assertThat(db().transaction((Repositories repos) -> repos.caPins().find(cluster.uuid()))).isEmpty();
            assertThat(db().transaction((Repositories repos) -> repos.caPins().find(kept.uuid()))).isPresent();
            assertThat(db().transaction((Repositories repos) -> repos.caPins().pinIfAbsent(pin(never, PEM)))).isFalse();
        }
    }

    @Nested
    class Migrations {

        @Test
        void migrating_again_is_a_no_op_that_keeps_the_data() {
            Cluster cluster = insert(Fixtures.everyClusterField());

            store.migrate();

            assertThat(db().transaction((Repositories repos) -> repos.clusters().findByUuid(cluster.uuid()))).contains(cluster);
        }

        @Test
        void an_empty_database_is_migrated_even_through_a_pool_of_one() {
            Engine.ScratchDatabase empty = engine().create();
            StoreConfig scratch = empty.config();
            try (Store small = Store.open(new StoreConfig(scratch.jdbcUrl(), scratch.user(), scratch.password(), 1))) {
                small.migrate();
                Quota quota = small.database().transaction((Repositories repos) ->
                        repos.quotas().insert("p1", "Cluster", 3, CREATED));
                assertThat(small.database().transaction((Repositories repos) -> repos.quotas().list(null, 10, null)))
                        .containsExactly(quota);
            } finally {
                empty.drop().run();
            }
        }
    }
}
