package dev.magnetar.sim;

import dev.magnetar.core.port.StackCredential;
import dev.magnetar.core.port.StackRequest;
import dev.magnetar.core.port.StackSpec;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/** Builds stack specs and requests for tests. */
final class Specs {

    static final String HEADER = "heat_template_version: rocky\n";

    private Specs() {
    }

    static StackSpec spec(String template) {
        return new StackSpec(template, Map.of(), "", Map.of());
    }

    static StackSpec spec(String template, Map<String, Object> parameters) {
        return new StackSpec(template, Map.of(), "", parameters);
    }

    static StackRequest request(String name, StackSpec spec) {
        return new StackRequest(name, spec, 60, true, List.of(), StackCredential.NONE);
    }

    static StackRequest request(String name, StackSpec spec, int timeoutMinutes, boolean disableRollback) {
        return new StackRequest(name, spec, timeoutMinutes, disableRollback, List.of(), StackCredential.NONE);
    }

    static String resource(String path) {
        try (InputStream in = Specs.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalArgumentException("No test resource " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
