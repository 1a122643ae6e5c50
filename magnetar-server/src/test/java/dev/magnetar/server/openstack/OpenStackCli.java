package dev.magnetar.server.openstack;

import dev.magnetar.openstack.it.LoopbackOpenStack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Debian's {@code openstack} command, unmodified, as a test identity of the loopback Keystone. */
final class OpenStackCli {

    record Run(int status, String output) {
    }

    private OpenStackCli() {
    }

    /** {@code openstack ...} as {@code user} in {@code project}, with its password and the catalogue. */
    static Run run(String user, String project, String... args) {
        List<String> command = new ArrayList<>(List.of("openstack"));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        Map<String, String> env = builder.environment();
        env.keySet().removeIf(name -> name.startsWith("OS_"));
        env.put("OS_AUTH_URL", LoopbackOpenStack.authUrl().toString());
        env.put("OS_IDENTITY_API_VERSION", "3");
        env.put("OS_REGION_NAME", "RegionOne");
        env.put("OS_INTERFACE", "public");
        env.put("OS_USERNAME", user);
        env.put("OS_PASSWORD", user + LoopbackOpenStack.variable("MAGNETAR_TEST_PASSWORD_SUFFIX"));
        env.put("OS_PROJECT_NAME", project);
        env.put("OS_USER_DOMAIN_NAME", "Default");
        env.put("OS_PROJECT_DOMAIN_NAME", "Default");
        try {
            Process process = builder.start();
            byte[] output = process.getInputStream().readAllBytes();
            if (!process.waitFor(120, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("timed out: " + command);
            }
            return new Run(process.exitValue(), new String(output, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
