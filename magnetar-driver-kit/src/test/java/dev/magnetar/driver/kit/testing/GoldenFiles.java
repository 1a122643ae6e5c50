package dev.magnetar.driver.kit.testing;

import dev.magnetar.core.port.StackSpec;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import static org.assertj.core.api.Assertions.fail;

/**
 * Golden files for a driver's tests: rendered output compared with files reviewed by eye, and
 * rewritten only on purpose, with {@code -Dmagnetar.golden.update=true}, so the diff is read
 * before it is committed. Shipped in the kit's test jar.
 */
public final class GoldenFiles {

    /** Set by {@code -Dmagnetar.golden.update=true}: write the goldens instead of comparing. */
    public static final boolean UPDATE = Boolean.getBoolean("magnetar.golden.update");

    private GoldenFiles() {
    }

    /** The golden folder the build names ({@code magnetar.golden.dir}), else the module's own. */
    public static Path directory() {
        return Path.of(System.getProperty("magnetar.golden.dir", "src/test/resources/golden"));
    }

    /** A base64 file-carrying parameter of the stack, decoded. */
    public static String decode(StackSpec spec, String parameter) {
        return new String(Base64.getDecoder().decode(spec.parameters().get(parameter).toString()),
                StandardCharsets.UTF_8);
    }

    /** Fails with a line diff unless {@code actual} is the golden file byte for byte. */
    public static void compare(Path golden, String actual) throws IOException {
        if (UPDATE) {
            Files.createDirectories(golden.getParent());
            Files.writeString(golden, actual);
            return;
        }
        if (!Files.exists(golden)) {
            fail("no golden file " + golden + "; write it with -Dmagnetar.golden.update=true and review it");
        }
        String expected = Files.readString(golden);
        if (!expected.equals(actual)) {
            fail("rendered output differs from " + golden + ":\n" + diff(expected, actual));
        }
    }

    static String diff(String expected, String actual) {
        List<String> e = expected.lines().toList();
        List<String> a = actual.lines().toList();
        List<String> out = new ArrayList<>();
        for (int i = 0; i < Math.max(e.size(), a.size()); i++) {
            String el = i < e.size() ? e.get(i) : null;
            String al = i < a.size() ? a.get(i) : null;
            if (el == null || !el.equals(al)) {
                if (el != null) {
                    out.add(String.format("%4d - %s", i + 1, el));
                }
                if (al != null) {
                    out.add(String.format("%4d + %s", i + 1, al));
                }
            }
        }
        return String.join("\n", out);
    }
}
