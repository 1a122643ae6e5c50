package dev.magnetar.server.bench;

import com.sun.management.OperatingSystemMXBean;
import dev.magnetar.core.monitor.MonitorAccounts;
import dev.magnetar.sim.dcos.DcosClusterSpec;
import dev.magnetar.sim.dcos.SimulatedDcos;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Locale;
import java.util.UUID;

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
