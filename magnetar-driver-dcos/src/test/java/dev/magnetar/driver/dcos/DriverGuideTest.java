package dev.magnetar.driver.dcos;

import dev.magnetar.driver.dcos.labels.LabelReference;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The labels reference in {@code docs/dcos-driver.md} is generated from the schema; this fails when
 * the checked-in guide is out of date. Refresh with {@code -Dmagnetar.docs.update=true}.
 */
class DriverGuideTest {

    private static final Path GUIDE = Path.of(System.getProperty("magnetar.docs.dir", "../docs"), "dcos-driver.md");

    @Test
    void labelsReferenceMatchesTheSchema() throws Exception {
        String guide = Files.readString(GUIDE);
        int begin = guide.indexOf(LabelReference.BEGIN);
        int end = guide.indexOf(LabelReference.END);
        assertThat(begin).as("generated-section markers in " + GUIDE).isNotNegative();
        assertThat(end).isGreaterThan(begin);
        String generated = LabelReference.BEGIN + "\n" + LabelReference.markdown();
        String current = guide.substring(begin, end);
        if (Boolean.getBoolean("magnetar.docs.update")) {
            Files.writeString(GUIDE, guide.substring(0, begin) + generated + guide.substring(end));
            return;
        }
        assertThat(current).as("docs/dcos-driver.md labels reference is out of date; run the tests with "
                + "-Dmagnetar.docs.update=true").isEqualTo(generated);
    }

    @Test
    void guideShowsTheBlueprintsCommands() throws Exception {
        assertThat(Files.readString(GUIDE)).contains("--labels isolation=docker/volume,launcher=linux,image_providers=docker")
                .contains("magnetar bay-create --name dcosbay --baymodel dcosbaymodel --node-count 1");
    }
}
