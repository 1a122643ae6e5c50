package dev.magnetar.server.bench;

import com.sun.management.OperatingSystemMXBean;
import dev.magnetar.core.driver.DriverRegistry;
import dev.magnetar.core.driver.DriverSettings;
import dev.magnetar.core.metrics.ConductorMetrics;
import dev.magnetar.core.model.Cluster;
import dev.magnetar.core.model.ClusterStatus;
import dev.magnetar.core.model.ClusterTemplate;
import dev.magnetar.core.monitor.HealthMonitor;
import dev.magnetar.core.monitor.MonitorAccounts;
import dev.magnetar.core.monitor.MonitorSettings;
import dev.magnetar.core.monitor.MonitorTarget;
import dev.magnetar.core.monitor.Pacer;
import dev.magnetar.core.monitor.ReplicaShare;
import dev.magnetar.core.monitor.SecretBox;
import dev.magnetar.core.monitor.SweepResult;
import dev.magnetar.core.port.Database;
import dev.magnetar.core.port.MonitorAccountRepository.SealedAccount;
import dev.magnetar.sim.dcos.DcosClusterSpec;
import dev.magnetar.sim.dcos.SimulatedDcos;
import dev.magnetar.store.Store;
import dev.magnetar.store.StoreConfig;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * One monitor sweep of many simulated DC/OS clusters on loopback, measured as the service would run
 * it: embedded H2 in a temporary directory, the DC/OS driver's monitor logging in to every cluster
 * with its own service account (oauth on, DC/OS's default), health written back with its event.
 * The clusters are served by {@link SimulatedDcos} in a second JVM ({@link Cloud}), so the figures
 * are the service's alone. Runs a cold sweep (every cluster logs in, every health is new) and a warm
 * one (tokens cached, nothing changed), prints a Markdown table, and stops by itself.
 *
 * <p>Arguments: clusters (10000), concurrency (32), request timeout ms (5000).
 */
public final class MonitorSweepBench {

    private static final Duration DEADLINE = Duration.ofMinutes(10);
    private static final String TEMPLATE = "00000000-0000-4000-8000-00000000be0c";

    private MonitorSweepBench() {
    }

    public static void main(String[] args) throws Exception {
        int clusters = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        int concurrency = args.length > 1 ? Integer.parseInt(args[1]) : 32;
        Duration timeout = Duration.ofMillis(args.length > 2 ? Long.parseLong(args[2]) : 5000);
        watchdog();
        Path work = Files.createTempDirectory("magnetar-bench");
        KeyPair pair = rsa();
        Path publicKey = work.resolve("account.pub");
        Files.writeString(publicKey, pem("PUBLIC KEY", pair.getPublic().getEncoded()));

        Process cloud = startCloud(clusters, publicKey);
        try (BufferedReader cloudOut = new BufferedReader(new InputStreamReader(cloud.getInputStream(),
                StandardCharsets.UTF_8));
             Store store = Store.open(new StoreConfig("jdbc:h2:file:" + work.resolve("magnetar")
                     + ";DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0", "", "", 10))) {
            String origin = cloudOut.readLine();
            if (origin == null || !origin.startsWith("http://127.0.0.1:")) {
                throw new IllegalStateException("the simulated cloud did not start: " + origin);
            }
            store.migrate();
            SecretBox box = new SecretBox(SecretBox.newKey());
            long setup = System.nanoTime();
            populate(store.database(), box, clusters, pem("PRIVATE KEY", pair.getPrivate().getEncoded()),
                    pem("PUBLIC KEY", pair.getPublic().getEncoded()));
            System.err.printf("stored %d clusters in %.1f s%n", clusters, (System.nanoTime() - setup) / 1e9);

            Clock clock = Clock.systemUTC();
            DriverRegistry drivers = DriverRegistry.discover(name -> DriverSettings.EMPTY);
            HealthMonitor monitor = new HealthMonitor(store.database(), drivers, new MonitorAccounts(store.database(),
                    box, clock), (template, cluster, account) -> MonitorTarget.at(origin + "/c/" + cluster.uuid()),
                    ReplicaShare.alone("bench"), new MonitorSettings(Duration.ofSeconds(60), concurrency, timeout,
                    Duration.ZERO), ConductorMetrics.NONE, clock, Pacer.sleeping(clock));

            List<String> rows = new ArrayList<>();
            rows.add(measure("cold (log in, health new)", monitor));
            rows.add(measure("warm (tokens cached, unchanged)", monitor));
            System.out.printf("| sweep | clusters | polled | unknown | changed | wall s | service CPU s | "
                    + "service peak RSS MiB | heap peak MiB |%n|---|---|---|---|---|---|---|---|---|%n");
            rows.forEach(System.out::println);
            cloud.getOutputStream().write("stop\n".getBytes(StandardCharsets.UTF_8));
            cloud.getOutputStream().flush();
            System.out.println();
            System.out.println("Simulated DC/OS (separate JVM): " + cloudOut.readLine());
            System.out.printf(Locale.ROOT, "Concurrency %d, request timeout %d ms, %d cores, JDK %s.%n", concurrency,
                    timeout.toMillis(), Runtime.getRuntime().availableProcessors(), Runtime.version());
        } finally {
            cloud.destroy();
            cloud.waitFor();
        }
        System.exit(0);
    }

    private static String measure(String name, HealthMonitor monitor) throws IOException {
        double cpuBefore = cpuSeconds();
        long started = System.nanoTime();
        SweepResult result = monitor.sweep();
        double wall = (System.nanoTime() - started) / 1e9;
        double cpu = cpuSeconds() - cpuBefore;
        return String.format(Locale.ROOT, "| %s | %d | %d | %d | %d | %.1f | %.1f | %d | %d |", name, result.owned(),
                result.polled(), result.unknown(), result.changed(), wall, cpu, peakRssMiB(), heapPeakMiB());
    }

    /** Template, clusters settled as CREATE_COMPLETE, and their sealed accounts, as the conductor leaves them. */
    private static void populate(Database database, SecretBox box, int clusters, String privatePem,
                                 String publicPem) {
        Instant now = Instant.now();
        database.transact(repos -> repos.templates().insert(ClusterTemplate.builder().uuid(TEMPLATE).name("bench")
                .projectId("bench").coe("dcos").serverType("vm").clusterDistro("centos").imageId("dcos-centos-7.2")
                .createdAt(now).build()));
        int batch = 500;
        for (int from = 0; from < clusters; from += batch) {
            int first = from;
            int last = Math.min(clusters, from + batch);
            database.transact(repos -> {
                for (int n = first; n < last; n++) {
                    String uuid = uuidOf(n);
                    repos.clusters().insert(Cluster.builder().uuid(uuid).name("bench-" + n).projectId("bench")
                            .clusterTemplateId(TEMPLATE).status(ClusterStatus.CREATE_COMPLETE).masterCount(1)
                            .nodeCount(2).masterAddresses(List.of("10.0.0.11"))
                            .nodeAddresses(List.of("10.1.0.1", "10.1.0.2")).labels(Map.of())
                            .apiAddress("https://10.0.0.11").createdAt(now).build());
                    repos.monitorAccounts().insert(new SealedAccount(uuid, MonitorAccounts.uidOf(uuid), publicPem,
                            box.seal(uuid, privatePem), now));
                }
            });
        }
    }

    static String uuidOf(int n) {
        return UUID.nameUUIDFromBytes(("bench-cluster-" + n).getBytes(StandardCharsets.UTF_8)).toString();
    }

    private static Process startCloud(int clusters, Path publicKey) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder(java, "-Xmx1g", "-cp", System.getProperty("java.class.path"),
                Cloud.class.getName(), Integer.toString(clusters), publicKey.toString())
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
    }

    private static double cpuSeconds() {
        return ((OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime() / 1e9;
    }

    /** The process's resident high-water mark (VmHWM), which counts everything the JVM ever touched. */
    static long peakRssMiB() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmHWM:")) {
                return Long.parseLong(line.replaceAll("\\D", "")) / 1024;
            }
        }
        return -1;
    }

    private static long heapPeakMiB() {
        return ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP)
                .mapToLong(p -> p.getPeakUsage().getUsed()).sum() / (1024 * 1024);
    }

    private static KeyPair rsa() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        return generator.generateKeyPair();
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, new byte[]{'\n'}).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }

    /** A benchmark never outlives its deadline, whatever hangs. */
    private static void watchdog() {
        Thread dog = new Thread(() -> {
            try {
                Thread.sleep(DEADLINE);
                System.err.println("monitor-sweep: deadline of " + DEADLINE + " passed; stopping");
                Runtime.getRuntime().halt(2);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "bench-watchdog");
        dog.setDaemon(true);
        dog.start();
    }

    /**
     * The clusters' side: a {@link SimulatedDcos} serving every benchmark cluster with oauth and the
     * shared public key. Prints its origin, then on "stop" (or end of input) its own CPU time, and exits.
     */
    public static final class Cloud {

        private Cloud() {
        }

        public static void main(String[] args) throws Exception {
            watchdog();
            int clusters = Integer.parseInt(args[0]);
            String publicKey = Files.readString(Path.of(args[1]));
            try (SimulatedDcos dcos = SimulatedDcos.start()) {
                for (int n = 0; n < clusters; n++) {
                    String uuid = uuidOf(n);
                    dcos.register(DcosClusterSpec.of(uuid, 1, 2, 0, "2.2.0")
                            .withOauth(MonitorAccounts.uidOf(uuid), publicKey));
                }
                System.out.println("http://127.0.0.1:" + dcos.port());
                System.out.flush();
                new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
                System.out.printf(Locale.ROOT, "%.1f CPU s, peak RSS %d MiB, %d clusters served%n", cpuSeconds(),
                        peakRssMiB(), dcos.registeredClusters());
                System.out.flush();
            }
            System.exit(0);
        }
    }
}
