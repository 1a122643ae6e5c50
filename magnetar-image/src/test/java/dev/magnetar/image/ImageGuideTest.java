package dev.magnetar.image;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** docs/image.md shows the build command the build script really runs. */
class ImageGuideTest {

    @Test
    void theGuideShowsTheBuildScriptsMkfsOptionsAndElements() throws IOException {
        String script = Files.readString(Repo.BUILD_SCRIPT);
        String guide = Files.readString(Repo.ROOT.resolve("docs/image.md"));
        Matcher mkfs = Pattern.compile("MKFS_OPTIONS=\"([^\"]+)\"").matcher(script);
        Matcher elements = Pattern.compile("elements=\\(([^)]+)\\)").matcher(script);
        assertThat(mkfs.find()).isTrue();
        assertThat(elements.find()).isTrue();
        assertThat(guide).contains("--mkfs-options \"" + mkfs.group(1) + "\"")
                .contains("-o dcos-centos-7 " + elements.group(1) + "\n")
                .contains("--property os_distro=centos");
    }
}
