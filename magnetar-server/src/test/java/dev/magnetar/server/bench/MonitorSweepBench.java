package dev.magnetar.server.bench;

import com.sun.management.OperatingSystemMXBean;
import dev.magnetar.core.driver.MonitorContext;
import dev.magnetar.core.driver.MonitorSession;
import dev.magnetar.core.model.Cluster;
import dev.magnetar.core.model.ClusterStatus;
import dev.magnetar.core.model.ClusterTemplate;
import dev.magnetar.core.monitor.MonitorAccounts;
import dev.magnetar.driver.dcos.monitor.DcosMonitor;
import dev.magnetar.driver.kit.http.MonitorHttpClient;
import dev.magnetar.sim.dcos.DcosClusterSpec;
import dev.magnetar.sim.dcos.SimulatedDcos;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;

/**
 * The clusters' side of the monitor-sweep benchmark ({@code bench/monitor-sweep.sh}): {@link Cloud}
 * serves every benchmark cluster from a {@link SimulatedDcos} in its own JVM, so the service's
 * figures (measured by {@code bench/monitor/.../MonitorSweepService}) are its alone; plus the small
 * helpers both JVMs share.
 */
public final class MonitorSweepBench {

    private static final Duration DEADLINE = Duration.ofMinutes(10);

    private MonitorSweepBench() {
    }

    static String uuidOf(int n) {
        return UUID.nameUUIDFromBytes(("bench-cluster-" + n).getBytes(StandardCharsets.UTF_8)).toString();
    }

    static double cpuSeconds() {
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

    static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, new byte[]{'\n'}).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }

    /** A benchmark never outlives its deadline, whatever hangs. */
    static void watchdog() {
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
     * shared public key. Warms itself up, prints its origin, then on "stop" (or end of input) its own
     * CPU time, and exits.
     */
    public static final class Cloud {

        /**
         * Throwaway clusters served once before the origin is printed. The benchmark clusters stand in
         * for long-running DC/OS clusters on other machines; without this, the simulator's own JIT
         * warm-up (about 8 CPU s) would run on the service's two cores during the first sweep only.
         */
        static final int WARM_UP_CLUSTERS = 3000;

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
                warmUp(dcos);
                System.out.println("http://127.0.0.1:" + dcos.port());
                System.out.flush();
                new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
                System.out.printf(Locale.ROOT, "%.1f CPU s, peak RSS %d MiB, %d clusters served%n", cpuSeconds(),
                        peakRssMiB(), dcos.registeredClusters());
                System.out.flush();
            }
            System.exit(0);
        }

        /**
         * Polls {@link #WARM_UP_CLUSTERS} clusters of their own, with their own key, twice each (a login,
         * then with the kept token) as the service's DC/OS monitor does, 32 at a time; then closes its
         * connections (the simulator's HTTP server keeps a bounded number idle) and forgets the clusters.
         */
        private static void warmUp(SimulatedDcos dcos) throws Exception {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair pair = generator.generateKeyPair();
            String publicPem = pem("PUBLIC KEY", pair.getPublic().getEncoded());
            String privatePem = pem("PRIVATE KEY", pair.getPrivate().getEncoded());
            ClusterTemplate template = ClusterTemplate.builder().uuid(uuidOf(-1)).name("warm-up").coe("dcos")
                    .serverType("vm").clusterDistro("centos").imageId("dcos-centos-7.2").build();
            Semaphore slots = new Semaphore(32);
            java.util.List<HttpClient> made = new java.util.concurrent.CopyOnWriteArrayList<>();
            try (ExecutorService polls = Executors.newVirtualThreadPerTaskExecutor()) {
                DcosMonitor monitor = new DcosMonitor(tls -> {
                    HttpClient client = MonitorHttpClient.create(tls);
                    made.add(client);
                    return client;
                }, InstantSource.system());
                for (int n = 0; n < WARM_UP_CLUSTERS; n++) {
                    String id = "warm-up-" + n;
                    String uid = "warm-up-" + n;
                    Cluster cluster = Cluster.builder().uuid(uuidOf(-2 - n)).name(id).clusterTemplateId(template.uuid())
                            .status(ClusterStatus.CREATE_COMPLETE).masterCount(1).nodeCount(2)
                            .labels(Map.of("oauth_enabled", "true"))
                            .apiAddress(dcos.register(DcosClusterSpec.of(id, 1, 2, 0, "2.2.0").withOauth(uid, publicPem)))
                            .build();
                    MonitorContext context = new MonitorContext(Duration.ofSeconds(5), Map.of(
                            DcosMonitor.CREDENTIAL_UID, uid, DcosMonitor.CREDENTIAL_PRIVATE_KEY, privatePem),
                            MonitorSession.inMemory());
                    slots.acquire();
                    polls.execute(() -> {
                        try {
                            monitor.poll(template, cluster, context);
                            monitor.poll(template, cluster, context);
                        } finally {
                            slots.release();
                        }
                    });
                }
            } finally {
                made.forEach(HttpClient::close);
            }
            for (int n = 0; n < WARM_UP_CLUSTERS; n++) {
                dcos.unregister("warm-up-" + n);
            }
        }
    }
}
