package dev.magnetar.driver.kit.testing;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class GoldenFilesTest {

    @Test
    void aDifferenceFailsWithTheChangedLinesOnly(@TempDir Path dir) throws Exception {
        Path golden = dir.resolve("case/flags");
        Files.createDirectories(golden.getParent());
        Files.writeString(golden, "A='1'\nB='2'\nC='3'\n");

        GoldenFiles.compare(golden, "A='1'\nB='2'\nC='3'\n");
        assertThatThrownBy(() -> GoldenFiles.compare(golden, "A='1'\nB='9'\nC='3'\n"))
                .isInstanceOf(AssertionError.class)
                .hasMessageEndingWith(":\n   2 - B='2'\n   2 + B='9'");
    }

    @Test
    void aMissingGoldenFileIsAFailureNotANewGolden(@TempDir Path dir) {
        assertThatThrownBy(() -> GoldenFiles.compare(dir.resolve("absent"), "x"))
                .isInstanceOf(AssertionError.class).hasMessageContaining("no golden file");
        assertThat(dir.resolve("absent")).doesNotExist();
    }
}
