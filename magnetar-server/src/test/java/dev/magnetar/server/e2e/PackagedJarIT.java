package dev.magnetar.server.e2e;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The packaged jar (target/magnetar.jar, which {@code ./magnetar} runs) holds no class file older
 * than Java 6: the JDK's AOT cache cannot store those, and picocli's, as published, are Java 5.
 * The build rewrites them (magnetar-server/src/build/java/UpgradeOldClassFiles.java); this checks
 * that it ran, and the other ITs that start the packaged jar check that the result still runs.
 */
class PackagedJarIT {

    private static final Path JAR = Path.of("target", "magnetar.jar");

    @Test
    void every_class_file_in_the_packaged_jar_is_java_6_or_newer() throws IOException {
        List<String> old = new ArrayList<>();
        int picocli = 0;
        try (ZipFile jar = new ZipFile(JAR.toFile())) {
            for (Enumeration<? extends ZipEntry> entries = jar.entries(); entries.hasMoreElements(); ) {
                ZipEntry entry = entries.nextElement();
                if (!entry.getName().endsWith(".class")) {
                    continue;
                }
                picocli += entry.getName().startsWith("picocli/") ? 1 : 0;
                try (InputStream in = jar.getInputStream(entry)) {
                    byte[] header = in.readNBytes(8);
                    int major = ((header[6] & 0xff) << 8) | (header[7] & 0xff);
                    if (major < 50) {
                        old.add(entry.getName() + " (" + major + ")");
                    }
                }
            }
        }
        assertThat(picocli).as("picocli's classes are in the jar").isGreaterThan(100);
        assertThat(old).isEmpty();
    }
}
