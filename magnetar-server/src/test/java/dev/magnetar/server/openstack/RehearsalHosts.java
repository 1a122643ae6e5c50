package dev.magnetar.server.openstack;

import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.fail;

/**
 * The cluster rehearsal's hosts, made by {@code scripts/rehearsal-hosts.sh}: network namespaces
 * on one bridge ({@link #GATEWAY}/24), each with an overlay of a cached Debian root. Closing
 * stops every process the hosts started and removes namespaces, links and mounts.
 */
final class RehearsalHosts implements AutoCloseable {

    /** The bridge's address in the root namespace: the subnet's gateway, and where the test serves. */
    static final String GATEWAY = "10.213.0.1";

    private final Path script;
    private final Path state;
    private final List<Process> running = new ArrayList<>();
    private final List<String> names = new ArrayList<>();

    private RehearsalHosts(Path script, Path state) {
        this.script = script;
        this.state = state;
    }

    /**
     * Builds (or finds cached) the Debian root and makes the bridge. Skips the test where the
     * machine cannot make namespaces, unless MAGNETAR_TEST_REQUIRE_TOOLS=true makes that a failure.
     */
    static RehearsalHosts open(Path state) throws Exception {
        Path script = repoRoot().resolve("scripts/rehearsal-hosts.sh");
        boolean root = "root".equals(System.getProperty("user.name"));
        if (!root || !Files.isExecutable(Path.of("/usr/sbin/debootstrap"))) {
            String why = "the cluster rehearsal needs root and debootstrap (scripts/ensure-tools.sh)";
            if ("true".equals(System.getenv("MAGNETAR_TEST_REQUIRE_TOOLS"))) {
                fail(why);
            }
            Assumptions.abort(why);
        }
        RehearsalHosts hosts = new RehearsalHosts(script, state);
        hosts.call(900, "rootfs");
        hosts.call(30, "net-up", state.toString(), GATEWAY + "/24");
        return hosts;
    }

    void add(String name, String address) throws Exception {
        call(30, "host-up", state.toString(), name, address + "/24");
        names.add(name);
    }

    /** The hosts added so far, in order. */
    List<String> names() {
        return List.copyOf(names);
    }

    /** The host's 127.0.0.1:port reaches the root namespace's 127.0.0.1:port (Heat's API). */
    void relayLoopback(String name, int port) throws Exception {
        call(10, "relay", state.toString(), name, Integer.toString(port));
    }

    /** A file in the host's root, e.g. {@code /var/log/rehearsal-os.log}. */
    Path file(String name, String path) {
        return state.resolve("hosts").resolve(name).resolve("root").resolve(path.substring(1));
    }

    String read(String name, String path) throws IOException {
        Path file = file(name, path);
        return Files.exists(file) ? Files.readString(file) : "";
    }

    /** Runs the script as cloud-init would (root, bash); completes with its exit status. */
    CompletableFuture<Integer> boot(String name, String userData) throws IOException {
        Path data = state.resolve(name + ".user-data");
        Files.writeString(data, userData);
        Process p = new ProcessBuilder(script.toString(), "run", state.toString(), name, data.toString(),
                log(name).toString()).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        running.add(p);
        return p.onExit().thenApply(Process::exitValue);
    }

    /** What the node's script wrote to its stdout and stderr. */
    Path log(String name) {
        return state.resolve(name + ".log");
    }

    String logText(String name) {
        try {
            return Files.exists(log(name)) ? Files.readString(log(name)) : "";
        } catch (IOException e) {
            return e.toString();
        }
    }

    @Override
    public void close() throws Exception {
        for (Process p : running) {
            p.descendants().forEach(ProcessHandle::destroy);
            p.destroy();
        }
        call(60, "down", state.toString());
    }

    private void call(int timeoutSeconds, String... args) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(script.toString());
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        byte[] output = p.getInputStream().readAllBytes();
        if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            p.destroy();
            fail("rehearsal-hosts.sh " + String.join(" ", args) + " took over " + timeoutSeconds + " s");
        }
        if (p.exitValue() != 0) {
            fail("rehearsal-hosts.sh " + String.join(" ", args) + ": " + new String(output, StandardCharsets.UTF_8));
        }
    }

    private static Path repoRoot() {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.exists(p.resolve("scripts/rehearsal-hosts.sh"))) {
                return p;
            }
        }
        throw new IllegalStateException("scripts/rehearsal-hosts.sh not found");
    }
}
