package dev.magnetar.server.openstack;

import dev.magnetar.openstack.it.LoopbackOpenStack;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Magnum's own API tests (Debian's {@code tempest} with {@code magnum-tempest-plugin}) against the
 * packaged server, {@code target/magnetar.jar} as an operator runs it: Keystone auth against the
 * loopback Keystone, the simulated cloud behind it (the API is under test, not Heat), and only the
 * drivers Magnetar ships. Tempest acts as the loopback Keystone's test users (alpha, beta, admin).
 *
 * <p>Every test that passes must keep passing; the ones that do not pass are listed with their reason
 * in {@code tempest/not-passing.txt} (test resources), and a listed test that starts to pass fails
 * this IT too, so the list stays true. The plugin's Nova keypair set-up is answered by
 * {@link LookupStandIn}, found on the {@code internal} interface as the server finds it.
 */
@ExtendWith(LoopbackOpenStack.class)
class MagnumTempestIT {

    /**
     * By default only the tests expected to pass run, one at a time (the plugin's admin tests share the
     * one preprovisioned admin account); {@link #BUDGET} only guards against a hung run.
     * {@code -Dmagnetar.tempest.all=true}
     * runs every test, without the budget, and also fails when a listed test passes (the list is stale).
     */
    static final boolean ALL = Boolean.getBoolean("magnetar.tempest.all");
    /** Time after which a run counts as hung (a normal run of the expected tests takes about two minutes). */
    static final Duration BUDGET = Duration.ofMinutes(12);
    static final String TESTS = "^magnum_tempest_plugin\\.tests\\.api";
    static final Path JAR = Path.of("target", "magnetar.jar");
    /** subunit-trace's line per test: {@code {worker} id [time] ... ok|FAILED|SKIPPED: reason}. */
    static final Pattern RESULT = Pattern.compile(
            "^\\{\\d+\\} (?:setUpClass \\()?(magnum_tempest_plugin\\.[\\w.]+)\\)?(?: \\[[^]]*\\])? \\.\\.\\. (ok|FAILED|SKIPPED)",
            Pattern.MULTILINE);

    private static LookupStandIn lookups;
    private static Process server;
    private static Path workspace;
    private static int port;

    @BeforeAll
    static void start() throws IOException {
        boolean installed = Files.isExecutable(Path.of("/usr/bin/tempest"))
                && Files.isDirectory(Path.of("/usr/lib/python3/dist-packages/magnum_tempest_plugin"));
        // scripts/ensure-tools.sh installs them; ./run-tests sets MAGNETAR_TEST_REQUIRE_TEMPEST=true, so in CI
        // their absence is a failure, not a skip.
        if (!installed && "true".equals(System.getenv("MAGNETAR_TEST_REQUIRE_TEMPEST"))) {
            throw new AssertionError("Debian's tempest and magnum-tempest-plugin are required");
        }
        Assumptions.assumeTrue(installed, "tempest / magnum-tempest-plugin not installed (apt-get install tempest "
                + "magnum-tempest-plugin)");
        Assumptions.assumeTrue(Files.isRegularFile(JAR), JAR + " not built (the IT runs after package)");
        lookups = LookupStandIn.start(LoopbackCloud.keystone());
        workspace = Files.createTempDirectory(Path.of("target"), "tempest-").toAbsolutePath();
        port = freePort();
        server = startServer();
        writeWorkspace();
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.destroy();
        }
        if (lookups != null) {
            lookups.close();
        }
    }

    @Test
    void magnums_api_tests_pass_except_the_listed_ones_each_for_its_stated_reason() throws Exception {
        Map<String, String> listed = notPassing();
        List<String> command = new ArrayList<>(List.of("tempest", "run", "--config-file",
                workspace.resolve("etc/tempest.conf").toString(), "--regex", TESTS, "--concurrency", "1"));
        if (!ALL) {
            Path exclude = workspace.resolve("etc/not-passing.regex");
            // Python regular expressions (stestr's): no \Q...\E, so the dots of the test ids are escaped; a
            // test's full id goes on with its attributes, e.g. "...test_x[id-...,positive]"
            Files.write(exclude, listed.keySet().stream()
                    .map(test -> "^" + test.replace(".", "\\.") + "(\\[|$)").toList());
            command.addAll(List.of("--exclude-list", exclude.toString()));
        }
        Instant started = Instant.now();
        String output = run(command);
        Duration took = Duration.between(started, Instant.now());

        Map<String, String> results = results(output);
        List<String> regressions = new ArrayList<>();
        List<String> nowPassing = new ArrayList<>();
        results.forEach((test, outcome) -> {
            if (outcome.equals("FAILED") && !listed.containsKey(test)) {
                regressions.add(test);
            }
            if (outcome.equals("ok") && listed.containsKey(test)) {
                nowPassing.add(test);
            }
        });
        long passed = results.values().stream().filter("ok"::equals).count();
        assertThat(results).as("tempest found and ran the plugin's API tests; output in %s", workspace).isNotEmpty();
        assertThat(regressions).as("tests that fail but are not in tempest/not-passing.txt (output in %s)", workspace)
                .isEmpty();
        assertThat(nowPassing).as("tests listed as not passing that pass now: remove them from the list").isEmpty();
        assertThat(results.keySet()).as("listed tests are not run unless magnetar.tempest.all is set")
                .allMatch(test -> ALL || !listed.containsKey(test));
        System.out.printf("magnum-tempest-plugin: %d passed, %d listed as not passing; the run took %s%n",
                passed, listed.size(), took);
    }

    /** Each test's outcome; a failed {@code setUpClass} counts for the class. */
    static Map<String, String> results(String output) {
        Map<String, String> results = new TreeMap<>();
        Matcher m = RESULT.matcher(output);
        while (m.find()) {
            results.put(m.group(1), m.group(2));
        }
        return results;
    }

    /** {@code test id  # reason} lines; blank lines and {@code #} comments between them are ignored. */
    static Map<String, String> notPassing() throws IOException {
        Map<String, String> listed = new TreeMap<>();
        try (InputStream in = MagnumTempestIT.class.getResourceAsStream("/tempest/not-passing.txt")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                String trimmed = line.strip();
                if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                    continue;
                }
                int hash = trimmed.indexOf('#');
                assertThat(hash).as("every listed test says why it does not pass: %s", trimmed).isPositive();
                listed.put(trimmed.substring(0, hash).strip(), trimmed.substring(hash + 1).strip());
            }
        }
        return listed;
    }

    private static Process startServer() throws IOException {
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", JAR.toString(), "serve", "--data-dir", workspace.resolve("data").toString(),
                "--port", Integer.toString(port))
                .redirectErrorStream(true).redirectOutput(workspace.resolve("serve.log").toFile());
        Map<String, String> env = builder.environment();
        env.keySet().removeIf(name -> name.startsWith("MAGNETAR_") || name.startsWith("OS_"));
        Map<String, String> keystone = LoopbackCloud.serverEnvironment();
        for (String name : List.of("MAGNETAR_API_AUTH", "MAGNETAR_KEYSTONE_AUTH_URL", "MAGNETAR_KEYSTONE_USERNAME",
                "MAGNETAR_KEYSTONE_PASSWORD", "MAGNETAR_KEYSTONE_PROJECT_NAME")) {
            env.put(name, keystone.get(name));
        }
        env.put("MAGNETAR_SIMULATION_SPEED", "instant");
        env.put("MAGNETAR_MONITOR_SPARE_KEYS", "0");
        Process process = builder.start();
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (Instant.now().isBefore(deadline)) {
            assertThat(process.isAlive()).as("serve exited early; see %s", workspace.resolve("serve.log")).isTrue();
            try (Socket ignored = new Socket("127.0.0.1", port)) {
                return process;
            } catch (IOException notYet) {
                sleep(200);
            }
        }
        throw new AssertionError("serve did not listen within 60 s; see " + workspace.resolve("serve.log"));
    }

    /** A tempest workspace: stestr's discovery settings and a tempest.conf for this server and Keystone. */
    private static void writeWorkspace() throws IOException {
        Files.createDirectories(workspace.resolve("etc"));
        Files.createDirectories(workspace.resolve("logs"));
        Files.writeString(workspace.resolve(".stestr.conf"), """
                [DEFAULT]
                test_path=/usr/lib/python3/dist-packages/tempest/test_discover
                top_dir=/usr/lib/python3/dist-packages/tempest
                group_regex=([^\\.]*\\.)*
                """);
        String conf = """
                [DEFAULT]
                log_dir = %1$s/logs
                log_file = tempest.log

                [auth]
                admin_username = admin
                admin_password = %2$s
                admin_project_name = admin
                admin_domain_name = Default
                use_dynamic_credentials = false
                test_accounts_file = %1$s/etc/accounts.yaml
                default_credentials_domain_name = Default

                [identity]
                uri_v3 = %3$s
                auth_version = v3
                region = RegionOne

                [identity-feature-enabled]
                api_v2 = false

                [compute]
                endpoint_type = %4$s

                [service_available]
                magnum = true
                nova = false
                neutron = false
                glance = false
                cinder = false
                swift = false

                [magnum]
                magnum_url = http://127.0.0.1:%5$d/v1
                image_id = dcos-centos-7.2
                nic_id = public
                keypair_name = testkey
                flavor_id = m1.small
                master_flavor_id = m1.small
                coe = dcos
                copy_logs = false
                csr_location = %1$s/client.csr
                dns_nameserver = 8.8.8.8
                """.formatted(workspace, LoopbackOpenStack.variable("OS_PASSWORD"), LoopbackOpenStack.authUrl(),
                LookupStandIn.INTERFACE, port);
        Files.writeString(workspace.resolve("etc/tempest.conf"), conf);
        // The loopback Keystone's own test identities: making a project and user per test (tempest's
        // dynamic credentials) costs Keystone 15 s a test on two cores.
        String suffix = LoopbackOpenStack.variable("MAGNETAR_TEST_PASSWORD_SUFFIX");
        Files.writeString(workspace.resolve("etc/accounts.yaml"), """
                - {username: alpha-member, project_name: alpha, password: "alpha-member%1$s", roles: [member]}
                - {username: beta-member, project_name: beta, password: "beta-member%1$s", roles: [member]}
                - {username: admin, project_name: admin, password: "%2$s", roles: [admin]}
                """.formatted(suffix, LoopbackOpenStack.variable("OS_PASSWORD")));
    }

    private static String run(List<String> command) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).directory(workspace.toFile()).redirectErrorStream(true);
        builder.environment().keySet().removeIf(name -> name.startsWith("OS_"));
        Process process = builder.start();
        Path out = workspace.resolve("tempest-output.txt");
        Thread copier = Thread.ofVirtual().start(() -> {
            try (InputStream in = process.getInputStream()) {
                Files.copy(in, out);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        if (!process.waitFor(ALL ? 1800 : BUDGET.toSeconds() + 60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("tempest did not finish within " + BUDGET + "; output in " + out);
        }
        copier.join();
        return Files.readString(out);
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
