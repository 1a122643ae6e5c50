package dev.magnetar.driver.mesos;

import dev.magnetar.driver.mesos.labels.LabelReference;
import dev.magnetar.driver.mesos.labels.MesosLabelSchema;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The labels reference in {@code docs/mesos-driver.md} is generated from the schema; this fails when
 * the checked-in guide is out of date. Refresh with {@code -Dmagnetar.docs.update=true}.
 */
class DriverGuideTest {

    private static final Path DOCS = Path.of(System.getProperty("magnetar.docs.dir", "../docs"));
    private static final Path GUIDE = DOCS.resolve("mesos-driver.md");

    @Test
    void labelsReferenceMatchesTheSchema() throws Exception {
        String guide = Files.readString(GUIDE);
        int begin = guide.indexOf(LabelReference.BEGIN);
        int end = guide.indexOf(LabelReference.END);
        assertThat(begin).as("generated-section markers in " + GUIDE).isNotNegative();
        assertThat(end).isGreaterThan(begin);
        String generated = LabelReference.BEGIN + "\n" + LabelReference.markdown();
        if (Boolean.getBoolean("magnetar.docs.update")) {
            Files.writeString(GUIDE, guide.substring(0, begin) + generated + guide.substring(end));
            return;
        }
        assertThat(guide.substring(begin, end)).as("docs/mesos-driver.md labels reference is out of date; run the "
                + "tests with -Dmagnetar.docs.update=true").isEqualTo(generated);
    }

    @Test
    void everyAcceptedLabelIsDocumentedAndTheGuideIsMarkedLegacy() throws Exception {
        String guide = Files.readString(GUIDE);
        MesosLabelSchema.acceptedNames().forEach(name -> assertThat(guide).contains("`" + name + "`"));
        assertThat(guide).contains("**Legacy path.**").contains("master_count must be 1 when master_lb_enabled is False");
        assertThat(Files.readString(DOCS.resolve("dcos-driver.md"))).contains("(mesos-driver.md)");
    }
}
