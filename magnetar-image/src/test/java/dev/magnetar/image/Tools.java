package dev.magnetar.image;

import org.junit.jupiter.api.Assumptions;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import static org.assertj.core.api.Assertions.fail;

/**
 * Host tools the tests need. A missing tool skips the test with a message, or fails it when
 * MAGNETAR_TEST_REQUIRE_TOOLS=true (CI installs them with scripts/ensure-tools.sh).
 */
final class Tools {

    private Tools() {
    }

    /** The executable named {@code name} on PATH or in the sbin directories, if any. */
    static Optional<Path> find(String name) {
        String path = System.getenv().getOrDefault("PATH", "") + ":/usr/sbin:/sbin";
        for (String dir : path.split(File.pathSeparator)) {
            if (!dir.isEmpty()) {
                Path candidate = Path.of(dir, name);
                if (Files.isExecutable(candidate)) {
                    return Optional.of(candidate);
                }
            }
        }
        return Optional.empty();
    }

    /** The tool, or a skip (or failure when tools are required) naming the Debian package. */
    static Path require(String name, String debianPackage) {
        return find(name).orElseGet(() -> {
            missing(name + " is not installed (apt-get install -y " + debianPackage + ")");
            return null;
        });
    }

    static void missing(String why) {
        if ("true".equals(System.getenv("MAGNETAR_TEST_REQUIRE_TOOLS"))) {
            fail(why + "; required because MAGNETAR_TEST_REQUIRE_TOOLS=true (run scripts/ensure-tools.sh)");
        }
        Assumptions.abort(why + "; skipping");
    }
}
