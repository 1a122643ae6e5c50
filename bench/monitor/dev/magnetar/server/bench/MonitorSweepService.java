package dev.magnetar.server.bench;

import com.sun.management.OperatingSystemMXBean;
import dev.magnetar.core.driver.DriverRegistry;
import dev.magnetar.core.driver.DriverSettings;
import dev.magnetar.core.model.Cluster;
import dev.magnetar.core.model.ClusterStatus;
import dev.magnetar.core.model.ClusterTemplate;
import dev.magnetar.core.model.HealthStatus;
import dev.magnetar.core.monitor.HealthMonitor;
import dev.magnetar.core.monitor.MonitorAccounts;
import dev.magnetar.core.monitor.MonitorSettings;
import dev.magnetar.core.monitor.Pacer;
import dev.magnetar.core.monitor.ReplicaShare;
import dev.magnetar.core.monitor.SecretBox;
import dev.magnetar.core.monitor.SweepResult;
import dev.magnetar.core.port.ConductorMetrics;
import dev.magnetar.core.port.Database;
import dev.magnetar.core.port.MonitorAccountRepository.SealedAccount;
import dev.magnetar.core.port.MonitorTarget;
import dev.magnetar.store.Store;
import dev.magnetar.store.StoreConfig;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Collectors;

/**
 * The service side of bench/monitor-sweep.sh, as a process of its own so the script can stop it by
 * PID and start it again on the same database, as an operator's restart does. Two commands:
 *
 * <ul>
 *   <li>{@code setup WORK CLUSTERS}: keys (the clusters' RSA pair, the secret box key), an H2 file
 *   database in WORK with a template, CLUSTERS clusters settled as CREATE_COMPLETE and their sealed
 *   service accounts, as the conductor leaves them. Exits.</li>
 *   <li>{@code serve WORK ORIGIN CLOUD_PID CONCURRENCY TIMEOUT_MS LABEL...}: opens that database, runs
 *   one sweep per LABEL against the simulated clusters at ORIGIN (served by process CLOUD_PID), prints
 *   one Markdown row per sweep (the service's CPU, the clusters' and everything else's) and
 *   then {@code swept}, and stays up until it is terminated, closing the database on the way out
 *   as {@code serve} does.</li>
 * </ul>
 *
 * Cluster identities come from {@link MonitorSweepBench#uuidOf}, the same ones
 * {@link MonitorSweepBench.Cloud} serves.
 */
public final class MonitorSweepService {

    private static final String TEMPLATE = "00000000-0000-4000-8000-00000000be0c";

    private MonitorSweepService() {
    }

    public static void main(String[] args) throws Exception {
        MonitorSweepBench.watchdog();
        Path work = Path.of(args[1]);
        switch (args[0]) {
            case "setup" -> setup(work, Integer.parseInt(args[2]));
            case "serve" -> serve(work, args[2], Long.parseLong(args[3]), Integer.parseInt(args[4]),
                    Duration.ofMillis(Long.parseLong(args[5])), List.of(args).subList(6, args.length));
            default -> throw new IllegalArgumentException("unknown command " + args[0]);
        }
    }

    private static void setup(Path work, int clusters) throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair pair = generator.generateKeyPair();
        String publicPem = MonitorSweepBench.pem("PUBLIC KEY", pair.getPublic().getEncoded());
        Files.writeString(work.resolve("account.pub"), publicPem);
        byte[] boxKey = SecretBox.newKey();
        Files.write(work.resolve("box.key"), boxKey);
        long started = System.nanoTime();
        try (Store store = open(work)) {
            store.migrate();
            populate(store.database(), new SecretBox(boxKey), clusters,
                    MonitorSweepBench.pem("PRIVATE KEY", pair.getPrivate().getEncoded()), publicPem);
        }
        System.err.printf(Locale.ROOT, "monitor-sweep: stored %d clusters in %.1f s%n", clusters,
                (System.nanoTime() - started) / 1e9);
        System.exit(0);
    }

    private static void serve(Path work, String origin, long cloudPid, int concurrency, Duration timeout,
                              List<String> labels) throws Exception {
        Store store = open(work);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            store.close();
            stopped.countDown();
        }, "bench-shutdown"));
        Clock clock = Clock.systemUTC();
        SecretBox box = new SecretBox(Files.readAllBytes(work.resolve("box.key")));
        HealthMonitor monitor = new HealthMonitor(store.database(), DriverRegistry.discover(name -> DriverSettings.EMPTY),
                new MonitorAccounts(store.database(), box, clock),
                (template, cluster, account) -> MonitorTarget.at(origin + "/c/" + cluster.uuid()),
                ReplicaShare.alone("bench"), new MonitorSettings(Duration.ofSeconds(60), concurrency, timeout,
                Duration.ZERO), ConductorMetrics.NONE, clock, Pacer.sleeping(clock));
        for (String label : labels) {
            System.out.println(measure(label, monitor, store.database(), cloudPid));
        }
        System.out.println("swept");
        System.out.flush();
        stopped.await();
    }

    private static Store open(Path work) {
        return Store.open(new StoreConfig("jdbc:h2:file:" + work.resolve("magnetar")
                + ";DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0", "", "", 10));
    }

    /** Why clusters are UNKNOWN, the most common reasons first, with counts. */
    private static String unknownReasons(Database database) {
        Map<String, Long> reasons = database.transaction(repos -> repos.clusters()
                .findByStatus(EnumSet.of(ClusterStatus.CREATE_COMPLETE)).stream()
                .filter(c -> c.healthStatus() == HealthStatus.UNKNOWN)
                .collect(Collectors.groupingBy(c -> String.valueOf(c.healthStatusReason()),
                        Collectors.counting())));
        return reasons.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(3)
                .map(e -> e.getValue() + " × " + e.getKey()).collect(Collectors.joining("; "));
    }

    private static String measure(String label, HealthMonitor monitor, Database database, long cloudPid)
            throws IOException {
        String loadBefore = loadAverage();
        double machineBefore = machineBusySeconds();
        double cloudBefore = processCpuSeconds(cloudPid);
        double cpuBefore = MonitorSweepBench.cpuSeconds();
        Map<String, Double> threadsBefore = threadCpuSeconds();
        long started = System.nanoTime();
        SweepResult result = monitor.sweep();
        double wall = (System.nanoTime() - started) / 1e9;
        double cpu = MonitorSweepBench.cpuSeconds() - cpuBefore;
        if (result.unknown() > 0) {
            System.out.println("unknown " + label + ": " + unknownReasons(database));
        }
        Map<String, Double> threads = threadCpuSeconds();
        threadsBefore.forEach((kind, before) -> threads.merge(kind, -before, Double::sum));
        double jit = threads.getOrDefault("jit", 0.0);
        System.out.println("threads " + label + ": " + threads.entrySet().stream()
                .map(e -> String.format(Locale.ROOT, "%s %.1f", e.getKey(), e.getValue()))
                .collect(Collectors.joining(", ")));
        double cloud = processCpuSeconds(cloudPid) - cloudBefore;
        double others = Math.max(0, machineBusySeconds() - machineBefore - cpu - cloud);
        return String.format(Locale.ROOT, "| %s | %d | %d | %d | %d | %.1f | %.1f | %.1f | %d | %d | %.1f | %.1f | %s → %s |",
                label, result.owned(), result.polled(), result.unknown(), result.changed(), wall, cpu, jit,
                MonitorSweepBench.peakRssMiB(), heapPeakMiB(), cloud, others, loadBefore, loadAverage());
    }

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
                    String uuid = MonitorSweepBench.uuidOf(n);
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

    /**
     * CPU seconds this JVM's threads have used, by kind: JIT compilers ({@code C1/C2 CompilerThre…}),
     * garbage collection ({@code GC Thread#…}, {@code G1 …}), the carriers of the virtual threads polls
     * run on ({@code ForkJoinPool…}), the HTTP client's selector ({@code HttpClient-…}) and the rest. A
     * thread the JVM retired meanwhile takes its seconds with it, so each figure is a lower bound.
     */
    static Map<String, Double> threadCpuSeconds() throws IOException {
        Map<String, Double> seconds = new TreeMap<>();
        try (var tasks = Files.list(Path.of("/proc/self/task"))) {
            for (Path task : tasks.toList()) {
                try {
                    String name = Files.readString(task.resolve("comm")).strip();
                    String stat = Files.readString(task.resolve("stat"));
                    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    seconds.merge(kindOf(name), (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / 100.0,
                            Double::sum);
                } catch (IOException e) {
                    // the thread ended while being read
                }
            }
        }
        return seconds;
    }

    private static String kindOf(String threadName) {
        if (threadName.startsWith("C1 CompilerThre") || threadName.startsWith("C2 CompilerThre")) {
            return "jit";
        }
        if (threadName.startsWith("GC Thread") || threadName.startsWith("G1 ")) {
            return "gc";
        }
        if (threadName.startsWith("ForkJoinPool")) {
            return "carriers";
        }
        if (threadName.startsWith("HttpClient-")) {
            return "http-selector";
        }
        return "other";
    }

    /** The machine's 1-minute load average, which says how much else competed for the cores. */
    private static String loadAverage() throws IOException {
        return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
    }

    /** CPU seconds all cores spent busy since boot (the first line of /proc/stat, in 1/100 s ticks). */
    private static double machineBusySeconds() throws IOException {
        String[] ticks = Files.readAllLines(Path.of("/proc/stat")).getFirst().trim().split("\\s+");
        long busy = 0;
        for (int field : new int[]{1, 2, 3, 6, 7, 8}) { // user nice system irq softirq steal
            busy += Long.parseLong(ticks[field]);
        }
        return busy / 100.0;
    }

    /** User and system CPU seconds of another process (fields 14 and 15 of /proc/PID/stat, in 1/100 s). */
    private static double processCpuSeconds(long pid) throws IOException {
        String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / 100.0;
    }

    private static long heapPeakMiB() {
        return ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP)
                .mapToLong(p -> p.getPeakUsage().getUsed()).sum() / (1024 * 1024);
    }

}
