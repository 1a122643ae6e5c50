package dev.magnetar.core.monitor;

import dev.magnetar.core.driver.ClusterMonitor;
import dev.magnetar.core.driver.DriverRegistry;
import dev.magnetar.core.driver.HealthReport;
import dev.magnetar.core.driver.MonitorContext;
import dev.magnetar.core.driver.MonitorSession;
import dev.magnetar.core.model.Cluster;
import dev.magnetar.core.model.ClusterEvent;
import dev.magnetar.core.model.ClusterEventKind;
import dev.magnetar.core.model.ClusterStatus;
import dev.magnetar.core.model.HealthStatus;
import dev.magnetar.core.port.ConductorMetrics;
import dev.magnetar.core.port.MonitorTarget;
import dev.magnetar.core.port.MonitorTargets;
import dev.magnetar.core.testing.MutableClock;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

class HealthMonitorTest {

    static final Instant T0 = Instant.parse("2025-01-01T00:00:00Z");
    static final String TEMPLATE = "00000000-0000-4000-8000-000000000001";
    static final HealthReport HEALTHY = new HealthReport(HealthStatus.HEALTHY, Map.of(), "2.2.0",
            Map.of("agents_active", 3.0, "agents_expected", 3.0));

    final InMemoryDatabase db = new InMemoryDatabase();
    final MutableClock clock = new MutableClock(T0);
    final List<Instant> waits = Collections.synchronizedList(new ArrayList<>());
    /** Runs at each wait of the sweep, before the clock moves to the awaited moment. */
    Consumer<Instant> atEachWait = when -> { };
    final Pacer pacer = when -> {
        waits.add(when);
        atEachWait.accept(when);
        if (when.isAfter(clock.instant())) {
            clock.set(when);
        }
    };
    final SecretBox box = new SecretBox(SecretBox.newKey());
    final MonitorAccounts accounts = new MonitorAccounts(db, box, clock);

    {
        db.put(FakeDriver.template(TEMPLATE));
    }

    HealthMonitor monitor(ClusterMonitor clusterMonitor, MonitorSettings settings) {
        return monitor(clusterMonitor, settings, ReplicaShare.alone("conductor-1"), false, MonitorTargets.API_ADDRESS);
    }

    HealthMonitor monitor(ClusterMonitor clusterMonitor, MonitorSettings settings, ReplicaShare share,
                          boolean wantsAccount, MonitorTargets targets) {
        DriverRegistry drivers = new DriverRegistry(List.of(new FakeDriver(clusterMonitor, wantsAccount)));
        return new HealthMonitor(db, drivers, accounts, targets, share, settings, ConductorMetrics.NONE, clock, pacer);
    }

    static MonitorSettings settings(int concurrency, Duration spread) {
        return new MonitorSettings(Duration.ofSeconds(60), concurrency, Duration.ofSeconds(5), spread);
    }

    Cluster cluster(int n, ClusterStatus status) {
        Cluster cluster = Cluster.builder()
                .uuid(String.format("00000000-0000-4000-8000-%012d", 100 + n))
                .name("c" + n).projectId("project").clusterTemplateId(TEMPLATE)
                .status(status).apiAddress("http://127.0.0.1:1/c" + n).coeVersion("2.1.0")
                .build();
        db.put(cluster);
        return cluster;
    }

    @Nested
    class Storing {

        @Test
        void stores_what_the_monitor_reports_and_records_the_change_once() {
            Cluster c = cluster(1, ClusterStatus.CREATE_COMPLETE);
            HealthMonitor monitor = monitor((t, cl, ctx) -> HEALTHY, settings(4, Duration.ZERO));

            SweepResult first = monitor.sweep();
            SweepResult second = monitor.sweep();

            Cluster stored = db.get(c.uuid());
            assertThat(stored.observed().healthStatus()).isEqualTo(HealthStatus.HEALTHY);
            assertThat(stored.observed().coeVersion()).as("the version the COE reports wins").isEqualTo("2.2.0");
            assertThat(first.changed()).isEqualTo(1);
            assertThat(second.polled()).isEqualTo(1);
            assertThat(second.changed()).isZero();
            assertThat(db.updates.get()).as("an unchanged report writes nothing").isEqualTo(1);
            assertThat(db.events()).singleElement().satisfies(e -> {
                assertThat(e.kind()).isEqualTo(ClusterEventKind.HEALTH_CHANGED);
                assertThat(e.actor()).isEqualTo(ClusterEvent.MONITOR);
                assertThat(e.healthStatus()).isEqualTo(HealthStatus.HEALTHY);
                assertThat(e.reason()).isEqualTo("first poll -> HEALTHY");
            });
        }

        @Test
        void an_unhealthy_report_keeps_each_failing_component_and_a_missing_version_keeps_the_stored_one() {
            Cluster c = cluster(1, ClusterStatus.UPDATE_COMPLETE);
            HealthReport unhealthy = new HealthReport(HealthStatus.UNHEALTHY,
                    Map.of("marathon", "no leader", "10.0.0.12", "dcos-mesos-slave.service unhealthy"), null, Map.of());
            monitor((t, cl, ctx) -> unhealthy, settings(4, Duration.ZERO)).sweep();

            Cluster stored = db.get(c.uuid());
            assertThat(stored.observed().healthStatus()).isEqualTo(HealthStatus.UNHEALTHY);
            assertThat(stored.observed().healthStatusReason()).isEqualTo(unhealthy.reason());
            assertThat(stored.observed().coeVersion()).isEqualTo("2.1.0");
            assertThat(db.events()).singleElement().extracting(ClusterEvent::reason)
                    .isEqualTo("first poll -> UNHEALTHY: 10.0.0.12: dcos-mesos-slave.service unhealthy; marathon: no leader");
        }

        @Test
        void a_status_change_made_during_the_poll_is_kept_and_the_health_written_on_top_of_it() {
            Cluster c = cluster(1, ClusterStatus.CREATE_COMPLETE);
            HealthMonitor monitor = monitor((t, cl, ctx) -> {
                db.changeMeanwhile(c.uuid(), b -> b.status(ClusterStatus.UPDATE_COMPLETE).statusReason("resized"));
                return HEALTHY;
            }, settings(1, Duration.ZERO));

            monitor.sweep();

            Cluster stored = db.get(c.uuid());
            assertThat(stored.status()).isEqualTo(ClusterStatus.UPDATE_COMPLETE);
            assertThat(stored.observed().statusReason()).isEqualTo("resized");
            assertThat(stored.observed().healthStatus()).isEqualTo(HealthStatus.HEALTHY);
        }

        @Test
        void a_cluster_whose_delete_started_during_the_poll_gets_no_health_written() {
            Cluster c = cluster(1, ClusterStatus.CREATE_COMPLETE);
            HealthMonitor monitor = monitor((t, cl, ctx) -> {
                db.changeMeanwhile(c.uuid(), b -> b.status(ClusterStatus.DELETE_IN_PROGRESS));
                return HEALTHY;
            }, settings(1, Duration.ZERO));

            monitor.sweep();

            assertThat(db.get(c.uuid()).observed().healthStatus()).isNull();
            assertThat(db.events()).isEmpty();
        }

        @Test
        void a_monitor_that_throws_makes_the_cluster_unknown_with_the_reason_and_spares_the_others() {
            Cluster broken = cluster(1, ClusterStatus.CREATE_COMPLETE);
            Cluster fine = cluster(2, ClusterStatus.CREATE_COMPLETE);
            monitor((t, cl, ctx) -> {
                if (cl.uuid().equals(broken.uuid())) {
                    throw new IllegalStateException("bug");
                }
                return HEALTHY;
            }, settings(2, Duration.ZERO)).sweep();

            assertThat(db.get(broken.uuid()).observed().healthStatus()).isEqualTo(HealthStatus.UNKNOWN);
            assertThat(db.get(broken.uuid()).observed().healthStatusReason())
                    .containsEntry("cluster", "the monitor failed: IllegalStateException");
            assertThat(db.get(fine.uuid()).observed().healthStatus()).isEqualTo(HealthStatus.HEALTHY);
        }

        @Test
        void a_cluster_the_backend_cannot_reach_is_unknown_without_a_poll() {
            Cluster c = cluster(1, ClusterStatus.CREATE_COMPLETE);
            AtomicInteger polls = new AtomicInteger();
            monitor((t, cl, ctx) -> {
                polls.incrementAndGet();
                return HEALTHY;
            }, settings(1, Duration.ZERO), ReplicaShare.alone("r"), false,
                    (tm, cl, account) -> MonitorTarget.none("the simulated cloud serves no fakecoe endpoints")).sweep();

            assertThat(polls).hasValue(0);
            assertThat(db.get(c.uuid()).observed().healthStatus()).isEqualTo(HealthStatus.UNKNOWN);
            assertThat(db.get(c.uuid()).observed().healthStatusReason())
                    .containsEntry("cluster", "the simulated cloud serves no fakecoe endpoints");
        }
    }

    @Nested
    class Choosing {

        @Test
        void only_settled_clusters_are_polled() {
            Set<String> polled = ConcurrentHashMap.newKeySet();
            for (ClusterStatus status : ClusterStatus.values()) {
                cluster(status.ordinal(), status);
            }
            monitor((t, cl, ctx) -> {
                polled.add(cl.status().name());
                return HEALTHY;
            }, settings(4, Duration.ZERO)).sweep();

            assertThat(polled).containsExactlyInAnyOrder("CREATE_COMPLETE", "UPDATE_COMPLETE");
        }

        @Test
        void a_cluster_deleted_before_its_turn_is_not_polled() {
            Cluster first = cluster(1, ClusterStatus.CREATE_COMPLETE);
            Cluster second = cluster(2, ClusterStatus.CREATE_COMPLETE);
            Set<String> polled = ConcurrentHashMap.newKeySet();
            atEachWait = when -> db.changeMeanwhile(second.uuid(), b -> b.status(ClusterStatus.DELETE_IN_PROGRESS));
            monitor((t, cl, ctx) -> {
                polled.add(cl.uuid());
                return HEALTHY;
            }, settings(1, Duration.ofSeconds(30))).sweep();

            assertThat(polled).containsExactly(first.uuid());
        }

        @Test
        void the_monitor_polls_at_the_address_the_backend_gives_with_the_configured_timeout() {
            Cluster c = cluster(1, ClusterStatus.CREATE_COMPLETE);
            List<String> seen = new ArrayList<>();
            monitor((t, cl, ctx) -> {
                seen.add(cl.observed().apiAddress() + " " + ctx.requestTimeout());
                return HEALTHY;
            }, settings(1, Duration.ZERO), ReplicaShare.alone("r"), false,
                    (tm, cl, account) -> MonitorTarget.at("http://127.0.0.1:9/c/" + cl.uuid())).sweep();

            assertThat(seen).containsExactly("http://127.0.0.1:9/c/" + c.uuid() + " PT5S");
        }

        @Test
        void replicas_split_the_clusters_between_them_and_each_polls_only_its_own() {
            for (int n = 0; n < 60; n++) {
                cluster(n, ClusterStatus.CREATE_COMPLETE);
            }
            Set<String> byA = ConcurrentHashMap.newKeySet();
            Set<String> byB = ConcurrentHashMap.newKeySet();
            Set<String> live = Set.of("a", "b");
            monitor((t, cl, ctx) -> {
                byA.add(cl.uuid());
                return HEALTHY;
            }, settings(4, Duration.ZERO), new ReplicaShare("a", () -> live), false, MonitorTargets.API_ADDRESS).sweep();
            monitor((t, cl, ctx) -> {
                byB.add(cl.uuid());
                return HEALTHY;
            }, settings(4, Duration.ZERO), new ReplicaShare("b", () -> live), false, MonitorTargets.API_ADDRESS).sweep();

            assertThat(byA).doesNotContainAnyElementsOf(byB).isNotEmpty();
            assertThat(byB).isNotEmpty();
            assertThat(byA.size() + byB.size()).isEqualTo(60);
        }
    }

    @Nested
    class Pacing {

        @Test
        void each_poll_starts_at_its_clusters_own_offset_in_the_spread_window() {
            MonitorSettings settings = settings(8, Duration.ofSeconds(30));
            List<Instant> expected = new ArrayList<>();
            for (int n = 0; n < 20; n++) {
                expected.add(T0.plus(settings.offsetOf(cluster(n, ClusterStatus.CREATE_COMPLETE).uuid())));
            }
            expected.sort(null);

            monitor((t, cl, ctx) -> HEALTHY, settings).sweep();

            assertThat(waits).containsExactlyElementsOf(expected);
            assertThat(expected).allSatisfy(due -> assertThat(due).isBetween(T0, T0.plusSeconds(30)));
            assertThat(expected.stream().distinct()).as("offsets spread, not bunched").hasSizeGreaterThan(15);
        }

        @Test
        void no_more_than_the_configured_number_of_polls_run_at_once() {
            for (int n = 0; n < 12; n++) {
                cluster(n, ClusterStatus.CREATE_COMPLETE);
            }
            AtomicInteger running = new AtomicInteger();
            AtomicInteger most = new AtomicInteger();
            SweepResult result = monitor((t, cl, ctx) -> {
                most.accumulateAndGet(running.incrementAndGet(), Math::max);
                sleep(20);
                running.decrementAndGet();
                return HEALTHY;
            }, settings(3, Duration.ZERO)).sweep();

            assertThat(result.polled()).isEqualTo(12);
            assertThat(most.get()).isEqualTo(3);
        }

        @Test
        void clusters_that_settle_together_are_polled_promptly_but_no_more_than_the_configured_number_at_once()
                throws Exception {
            List<Cluster> settled = new ArrayList<>();
            for (int n = 0; n < 12; n++) {
                settled.add(cluster(n, ClusterStatus.CREATE_COMPLETE));
            }
            AtomicInteger running = new AtomicInteger();
            AtomicInteger most = new AtomicInteger();
            HealthMonitor monitor = monitor((t, cl, ctx) -> {
                most.accumulateAndGet(running.incrementAndGet(), Math::max);
                sleep(20);
                running.decrementAndGet();
                return HEALTHY;
            }, settings(3, Duration.ZERO));

            List<Thread> prompted = new ArrayList<>();
            for (Cluster cluster : settled) {
                prompted.add(Thread.ofVirtual().start(() -> monitor.pollNow(cluster.uuid())));
            }
            for (Thread thread : prompted) {
                thread.join();
            }

            assertThat(settled).allSatisfy(c -> assertThat(db.get(c.uuid()).observed().healthStatus()).isEqualTo(HealthStatus.HEALTHY));
            assertThat(most.get()).isLessThanOrEqualTo(3);
        }

        @Test
        void a_cluster_that_does_not_answer_delays_no_other() throws Exception {
            Cluster hung = cluster(0, ClusterStatus.CREATE_COMPLETE);
            for (int n = 1; n <= 6; n++) {
                cluster(n, ClusterStatus.CREATE_COMPLETE);
            }
            CountDownLatch othersDone = new CountDownLatch(6);
            CountDownLatch release = new CountDownLatch(1);
            HealthMonitor monitor = monitor((t, cl, ctx) -> {
                if (cl.uuid().equals(hung.uuid())) {
                    await(release);
                    return HealthReport.unknown("timed out");
                }
                othersDone.countDown();
                return HEALTHY;
            }, settings(2, Duration.ZERO));

            Thread sweep = Thread.ofVirtual().start(monitor::sweep);
            boolean othersFinished = othersDone.await(5, TimeUnit.SECONDS);
            release.countDown();
            sweep.join(5_000);

            assertThat(othersFinished).as("six clusters polled while one hung, with two slots").isTrue();
            assertThat(db.get(hung.uuid()).observed().healthStatus()).isEqualTo(HealthStatus.UNKNOWN);
        }
    }

    @Nested
    class Credentials {

        @Test
        void a_cluster_with_an_account_is_polled_with_its_opened_key_and_the_backend_sees_its_public_key() {
            Cluster c = cluster(1, ClusterStatus.CREATE_COMPLETE);
            String publicKey = accounts.ensure(c).publicKeyPem();
            List<MonitorContext> contexts = new ArrayList<>();
            List<String> targetKeys = new ArrayList<>();
            monitor((t, cl, ctx) -> {
                contexts.add(ctx);
                return HEALTHY;
            }, settings(1, Duration.ZERO), ReplicaShare.alone("r"), true, (tm, cl, account) -> {
                targetKeys.add(account.orElseThrow().publicKeyPem());
                return MonitorTarget.at(cl.observed().apiAddress());
            }).sweep();

            assertThat(targetKeys).containsExactly(publicKey);
            assertThat(contexts).singleElement().satisfies(ctx -> {
                assertThat(ctx.credentials()).containsEntry(MonitorContext.SERVICE_ACCOUNT_UID,
                        MonitorAccounts.uidOf(c.uuid()));
                assertThat(ctx.credentials().get(MonitorContext.SERVICE_ACCOUNT_PRIVATE_KEY))
                        .startsWith("-----BEGIN PRIVATE KEY-----\n");
            });
        }

        @Test
        void a_cluster_whose_driver_wants_no_account_gets_no_credentials() {
            cluster(1, ClusterStatus.CREATE_COMPLETE);
            List<Optional<?>> accountsSeen = new ArrayList<>();
            List<Map<String, String>> credentials = new ArrayList<>();
            monitor((t, cl, ctx) -> {
                credentials.add(ctx.credentials());
                return HEALTHY;
            }, settings(1, Duration.ZERO), ReplicaShare.alone("r"), false, (tm, cl, account) -> {
                accountsSeen.add(account);
                return MonitorTarget.at(cl.observed().apiAddress());
            }).sweep();

            assertThat(accountsSeen).containsExactly(Optional.empty());
            assertThat(credentials).containsExactly(Map.of());
        }
    }

    @Nested
    class Sessions {

        final MonitorSession.Token issued = new MonitorSession.Token("dcos-token-1", T0.plus(Duration.ofDays(5)));
        final List<Optional<MonitorSession.Token>> seen = Collections.synchronizedList(new ArrayList<>());
        final AtomicInteger logins = new AtomicInteger();

        /** Logs in (keeps a new token) only when the session has none, as a COE monitor does. */
        final ClusterMonitor loggingIn = (t, cl, ctx) -> {
            seen.add(ctx.session().token());
            if (ctx.session().token().isEmpty()) {
                logins.incrementAndGet();
                ctx.session().keep(issued);
            }
            return HEALTHY;
        };

        HealthMonitor withAccounts(ClusterMonitor clusterMonitor) {
            return monitor(clusterMonitor, settings(1, Duration.ZERO), ReplicaShare.alone("r"), true,
                    MonitorTargets.API_ADDRESS);
        }

        @Test
        void a_token_the_monitor_keeps_is_stored_sealed_and_given_to_the_next_poll_even_after_a_restart() {
            Cluster c = cluster(1, ClusterStatus.CREATE_COMPLETE);
            accounts.ensure(c);

            withAccounts(loggingIn).sweep();
            HealthMonitor restarted = withAccounts(loggingIn);
            restarted.sweep();

            assertThat(logins).hasValue(1);
            assertThat(seen).containsExactly(Optional.empty(), Optional.of(issued));
            assertThat(db.accounts.get(c.uuid()).keptSession()).hasValueSatisfying(kept -> {
                assertThat(kept.sealedToken()).doesNotContain("dcos-token-1");
                assertThat(kept.expiresAt()).isEqualTo(issued.expiresAt());
            });
        }

        @Test
        void a_new_token_is_stored_even_when_the_health_is_unchanged() {
            Cluster c = cluster(1, ClusterStatus.CREATE_COMPLETE);
            accounts.ensure(c);
            withAccounts(loggingIn).sweep();
            db.transact(repos -> repos.monitorAccounts().forgetSession(c.uuid()));

            withAccounts(loggingIn).sweep();

            assertThat(logins).hasValue(2);
            assertThat(db.accounts.get(c.uuid()).keptSession()).isPresent();
            assertThat(db.events()).hasSize(1);
        }

        @Test
        void a_token_the_monitor_forgets_is_removed() {
            Cluster c = cluster(1, ClusterStatus.CREATE_COMPLETE);
            accounts.ensure(c);
            withAccounts(loggingIn).sweep();

            withAccounts((t, cl, ctx) -> {
                ctx.session().forget();
                return HealthReport.unknown("login refused");
            }).sweep();

            assertThat(db.accounts.get(c.uuid()).keptSession()).isEmpty();
        }

        @Test
        void a_kept_token_that_does_not_open_with_the_services_key_is_not_given_and_the_monitor_logs_in_again() {
            Cluster c = cluster(1, ClusterStatus.CREATE_COMPLETE);
            accounts.ensure(c);
            db.transact(repos -> repos.monitorAccounts().keepSession(c.uuid(),
                    new MonitorAccounts(db, new SecretBox(SecretBox.newKey()), clock).seal(c.uuid(), issued)));

            withAccounts(loggingIn).sweep();

            assertThat(seen).containsExactly(Optional.empty());
            assertThat(logins).hasValue(1);
            assertThat(accounts.open(c.uuid()).orElseThrow().session()).contains(issued);
        }

        @Test
        void a_ca_the_monitor_pins_is_stored_with_the_cluster_and_given_to_every_later_poll_even_without_an_account() {
            Cluster c = cluster(1, ClusterStatus.CREATE_COMPLETE);
            List<Optional<String>> pins = Collections.synchronizedList(new ArrayList<>());
            ClusterMonitor pinning = (t, cl, ctx) -> {
                pins.add(ctx.session().pinnedCa());
                ctx.session().pinCa("CA fetched at poll " + pins.size());
                return HEALTHY;
            };

            monitor(pinning, settings(1, Duration.ZERO)).sweep();
            monitor(pinning, settings(1, Duration.ZERO)).sweep();

            assertThat(pins).containsExactly(Optional.empty(), Optional.of("CA fetched at poll 1"));
            assertThat(db.caPins.get(c.uuid()).certificatePem()).isEqualTo("CA fetched at poll 1");
            assertThat(db.caPins.get(c.uuid()).pinnedAt()).isBeforeOrEqualTo(clock.instant());
        }

        @Test
        void a_pin_is_stored_even_when_the_health_is_unchanged_and_a_stored_pin_is_never_replaced() {
            Cluster c = cluster(1, ClusterStatus.CREATE_COMPLETE);
            monitor((t, cl, ctx) -> HEALTHY, settings(1, Duration.ZERO)).sweep();
            db.transact(repos -> repos.caPins().pinIfAbsent(new dev.magnetar.core.port.CaPinRepository.CaPin(
                    c.uuid(), "pinned first", clock.instant())));
            db.transact(repos -> repos.caPins().unpin(c.uuid()));

            monitor((t, cl, ctx) -> {
                ctx.session().pinCa("fetched again");
                return HEALTHY;
            }, settings(1, Duration.ZERO)).sweep();
            monitor((t, cl, ctx) -> {
                ctx.session().pinCa("an impostor's");
                return HEALTHY;
            }, settings(1, Duration.ZERO)).sweep();

            assertThat(db.caPins.get(c.uuid()).certificatePem()).isEqualTo("fetched again");
            assertThat(db.events()).hasSize(1);
        }

        @Test
        void a_cluster_without_an_account_keeps_nothing_between_polls() {
            cluster(1, ClusterStatus.CREATE_COMPLETE);

            monitor(loggingIn, settings(1, Duration.ZERO)).sweep();
            monitor(loggingIn, settings(1, Duration.ZERO)).sweep();

            assertThat(logins).hasValue(2);
        }
    }

    @Test
    void poll_now_polls_one_cluster_at_once_whatever_its_turn() {
        Cluster c = cluster(1, ClusterStatus.CREATE_COMPLETE);
        HealthMonitor monitor = monitor((t, cl, ctx) -> HEALTHY, settings(1, Duration.ofSeconds(30)),
                new ReplicaShare("a", () -> List.of("a", "b", "c", "d")), false, MonitorTargets.API_ADDRESS);

        assertThat(monitor.pollNow(c.uuid())).contains(HealthStatus.HEALTHY);
        assertThat(monitor.pollNow("00000000-0000-4000-8000-999999999999")).isEmpty();
        assertThat(waits).isEmpty();
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
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
