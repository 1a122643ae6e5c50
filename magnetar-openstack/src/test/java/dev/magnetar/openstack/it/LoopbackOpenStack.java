package dev.magnetar.openstack.it;

import dev.magnetar.openstack.keystone.AuthMethod;
import dev.magnetar.openstack.keystone.IssuedToken;
import dev.magnetar.openstack.keystone.KeystoneClient;
import dev.magnetar.openstack.keystone.KeystoneSettings;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Starts the real Keystone and Heat with {@code scripts/openstack-on-loopback.sh start} (a quick
 * no-op when they already answer) once per test JVM, and tells the tests the identities it made.
 * When they cannot be started the tests are skipped with the reason, unless
 * {@code MAGNETAR_TEST_REQUIRE_OPENSTACK=true}, which makes that a failure (as in CI).
 */
public final class LoopbackOpenStack implements BeforeAllCallback {

    private static Map<String, String> env;
    private static String unavailable;

    @Override
    public void beforeAll(ExtensionContext context) {
        startOnce();
        if (unavailable != null) {
            if (Boolean.parseBoolean(System.getenv("MAGNETAR_TEST_REQUIRE_OPENSTACK"))) {
                throw new IllegalStateException("Keystone and Heat are required but unavailable: " + unavailable);
            }
            Assumptions.abort("Keystone and Heat on loopback are unavailable (" + unavailable
                    + "); set MAGNETAR_TEST_REQUIRE_OPENSTACK=true to make this a failure");
        }
    }

    private static synchronized void startOnce() {
        if (env != null || unavailable != null) {
            return;
        }
        try {
            Path script = script();
            String started = run(script, "start", 20);
            if (started == null) {
                return;
            }
            String exports = run(script, "env", 1);
            Map<String, String> parsed = new HashMap<>();
            for (String line : exports.split("\n")) {
                if (line.startsWith("export ")) {
                    String assignment = line.substring("export ".length());
                    int eq = assignment.indexOf('=');
                    parsed.put(assignment.substring(0, eq), assignment.substring(eq + 1).replace("\"", ""));
                }
            }
            env = parsed;
        } catch (IOException e) {
            unavailable = e.toString();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            unavailable = "interrupted";
        }
    }

    private static String run(Path script, String command, int minutes) throws IOException, InterruptedException {
        Process process = new ProcessBuilder("bash", script.toString(), command).redirectErrorStream(true).start();
        boolean finished = process.waitFor(minutes, TimeUnit.MINUTES);
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!finished) {
            process.destroyForcibly();
            unavailable = script.getFileName() + " " + command + " did not finish within " + minutes + " min";
            return null;
        }
        if (process.exitValue() != 0) {
            unavailable = script.getFileName() + " " + command + " failed: " + output.strip();
            return null;
        }
        return output;
    }

    /** {@code scripts/openstack-on-loopback.sh} of this checkout. */
    public static Path script() {
        return repoRoot().resolve("scripts/openstack-on-loopback.sh");
    }

    private static Path repoRoot() {
        String configured = System.getenv("MAGNETAR_REPO_ROOT");
        Path dir = configured != null ? Path.of(configured) : Path.of("").toAbsolutePath();
        for (Path p = dir.toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.exists(p.resolve("scripts/openstack-on-loopback.sh"))) {
                return p;
            }
        }
        throw new IllegalStateException("scripts/openstack-on-loopback.sh not found above " + dir);
    }

    // --- what the tests use ------------------------------------------------------------------

    public static URI authUrl() {
        return URI.create(env.get("OS_AUTH_URL"));
    }

    /** Settings for Magnetar's service user, as an operator would configure them. */
    public static KeystoneSettings serviceSettings() {
        return KeystoneSettings.password(authUrl(), env.get("MAGNETAR_SERVICE_USERNAME"),
                env.get("MAGNETAR_SERVICE_PASSWORD"), env.get("MAGNETAR_SERVICE_PROJECT"));
    }

    public static KeystoneClient serviceClient() {
        return KeystoneClient.create(serviceSettings());
    }

    /** One of the variables {@code openstack-on-loopback.sh env} exports, e.g. {@code OS_PASSWORD} (the admin's). */
    public static String variable(String name) {
        return env.get(name);
    }

    /** A project-scoped token for one of the test users, e.g. {@code alpha-member} in {@code alpha}. */
    public static IssuedToken login(KeystoneClient keystone, String user, String project) {
        String password = user.equals("admin") ? env.get("OS_PASSWORD") : user + env.get("MAGNETAR_TEST_PASSWORD_SUFFIX");
        return keystone.authenticate(AuthMethod.Password.byName(user, "Default", password, project, "Default"));
    }
}
