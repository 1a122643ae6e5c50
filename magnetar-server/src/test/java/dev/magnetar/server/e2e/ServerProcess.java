package dev.magnetar.server.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * `magnetar serve` in a child JVM on the test class path, so a test can kill it with SIGKILL and
 * start it again on the same data directory (embedded H2 and the simulated cloud's state). Extra
 * {@code MAGNETAR_*} variables configure it otherwise, e.g. for Keystone and Heat.
 */
public final class ServerProcess {

    private final Path dataDir;
    private final int port;
    private final Path log;
    private final Map<String, String> environment;
    private Process process;

    ServerProcess(Path dataDir) {
        this(dataDir, Map.of());
    }

    /** @param environment {@code MAGNETAR_*} options added to (and overriding) the defaults below */
    public ServerProcess(Path dataDir, Map<String, String> environment) {
        this.dataDir = dataDir;
        this.port = freePort();
        this.log = dataDir.resolve("serve.log");
        this.environment = Map.copyOf(environment);
    }

    public String url() {
        return "http://127.0.0.1:" + port;
    }

    public ServerProcess start() {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"),
                "dev.magnetar.server.Main", "serve", "--data-dir", dataDir.toString(), "--port", Integer.toString(port)));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        Map<String, String> env = builder.environment();
        env.put("MAGNETAR_SIMULATION_SPEED", "realistic");
        env.put("MAGNETAR_CONDUCTOR_POLL_INTERVAL_MS", "20");
        env.put("MAGNETAR_CONDUCTOR_RECONCILE_INTERVAL_MS", "100");
        env.put("MAGNETAR_CONDUCTOR_OPERATION_LEASE_SECONDS", "3");
        // No spare monitoring keys: making them would only take CPU from the test, and on a loaded
        // machine that can stretch an operation past the 3 s lease above.
        env.put("MAGNETAR_MONITOR_SPARE_KEYS", "0");
        env.putAll(environment);
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        awaitReady();
        return this;
    }

    /** SIGKILL: no shutdown hook, no flush, no goodbye. */
    public void kill() {
        process.destroyForcibly();
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void awaitReady() {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new AssertionError("serve exited early; log: " + tail());
            }
            try {
                new java.net.Socket("127.0.0.1", port).close();
                return;
            } catch (IOException notYet) {
                sleep(100);
            }
        }
        throw new AssertionError("serve did not listen within 60 s; log: " + tail());
    }

    public String tail() {
        try {
            String text = java.nio.file.Files.readString(log);
            return text.length() > 4000 ? text.substring(text.length() - 4000) : text;
        } catch (IOException e) {
            return "(no log)";
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
