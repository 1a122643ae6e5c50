package dev.magnetar.server.config;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The committed sample (packaging/magnetar.toml) and every generated key table in docs/ are what
 * {@link Option} says today; this fails when one is stale. Refresh them with
 * {@code -Dmagnetar.docs.update=true}.
 */
class ConfigReferenceTest {

    private static final Path ROOT = Path.of(System.getProperty("magnetar.repo.dir", ".."));
    private static final Path SAMPLE = ROOT.resolve("packaging/magnetar.toml");
    private static final Path REFERENCE = ROOT.resolve("docs/reference/configuration.md");
    private static final boolean UPDATE = Boolean.getBoolean("magnetar.docs.update");

    @Test
    void the_committed_sample_is_what_config_sample_prints() throws IOException {
        if (UPDATE) {
            Files.writeString(SAMPLE, Config.sample());
        }
        assertThat(Files.readString(SAMPLE)).as(SAMPLE + " is stale; run the tests with -Dmagnetar.docs.update=true")
                .isEqualTo(Config.sample());
    }

    @Test
    void the_configuration_reference_has_a_table_for_every_section() throws IOException {
        String reference = Files.readString(REFERENCE);
        for (String section : ConfigReference.sections()) {
            assertThat(reference).as("docs/reference/configuration.md, section " + section)
                    .contains("## `[" + section + "]`\n\n" + ConfigReference.BEGIN + section + " -->");
        }
    }

    @Test
    void every_generated_key_table_in_the_docs_is_current() throws IOException {
        List<Path> withTables = new ArrayList<>();
        try (Stream<Path> docs = Files.walk(ROOT.resolve("docs"))) {
            for (Path doc : docs.filter(p -> p.toString().endsWith(".md")).toList()) {
                String text = Files.readString(doc);
                String current = regenerated(text);
                if (UPDATE && !current.equals(text)) {
                    Files.writeString(doc, current);
                    text = current;
                }
                assertThat(text).as(doc + " has a stale configuration table; run the tests with "
                        + "-Dmagnetar.docs.update=true").isEqualTo(current);
                if (text.contains(ConfigReference.BEGIN)) {
                    withTables.add(ROOT.relativize(doc));
                }
            }
        }
        assertThat(withTables).contains(Path.of("docs/reference/configuration.md"), Path.of("docs/openstack.md"));
    }

    /** The text with each generated block replaced by what {@link ConfigReference} writes today. */
    private static String regenerated(String text) {
        StringBuilder out = new StringBuilder();
        int from = 0;
        int begin;
        while ((begin = text.indexOf(ConfigReference.BEGIN, from)) >= 0) {
            int nameEnd = text.indexOf(" -->", begin);
            int end = text.indexOf(ConfigReference.END, begin);
            assertThat(nameEnd).as("a generated table's opening marker is closed").isPositive();
            assertThat(end).as("a generated table is closed by " + ConfigReference.END).isGreaterThan(nameEnd);
            String section = text.substring(begin + ConfigReference.BEGIN.length(), nameEnd);
            assertThat(ConfigReference.sections()).as("generated table of a known section").contains(section);
            out.append(text, from, begin).append(ConfigReference.generatedBlock(section));
            from = end;
        }
        return out.append(text.substring(from)).toString();
    }
}
