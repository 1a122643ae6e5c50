package dev.magnetar.server;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Comments cite facts by a heading in docs/ ({@code docs/reference/dcos-facts.md#admin-router-routes}):
 * every such citation in the sources, templates and scripts names a file and a heading that exist,
 * and none cites a note the repository does not carry.
 */
class DocsCitationsTest {

    private static final Path ROOT = Path.of("..");
    private static final Pattern CITATION = Pattern.compile("docs/([\\w/.-]+\\.md)#([a-z0-9-]+)");
    private static final Pattern HEADING = Pattern.compile("^#{1,6} +(.+)$", Pattern.MULTILINE);

    @Test
    void every_cited_heading_in_docs_exists() throws IOException {
        List<String> broken = new ArrayList<>();
        int citations = 0;
        for (Path source : sources()) {
            Matcher citation = CITATION.matcher(Files.readString(source));
            while (citation.find()) {
                citations++;
                Path doc = ROOT.resolve("docs").resolve(citation.group(1));
                if (!Files.isRegularFile(doc) || !anchors(doc).contains(citation.group(2))) {
                    broken.add(ROOT.relativize(source) + ": " + citation.group());
                }
            }
        }
        assertThat(citations).isGreaterThan(20);
        assertThat(broken).isEmpty();
    }

    @Test
    void no_source_cites_the_research_note_the_repository_does_not_have() throws IOException {
        String absentNote = "dcos-mesos" + ".md";
        for (Path source : sources()) {
            assertThat(Files.readString(source)).as(source.toString()).doesNotContain(absentNote);
        }
    }

    private static List<Path> sources() throws IOException {
        try (Stream<Path> files = Files.walk(ROOT)) {
            return files.filter(Files::isRegularFile)
                    .filter(p -> p.toString().contains("/src/") && !p.toString().contains("/target/"))
                    .filter(p -> p.toString().matches(".*\\.(java|sh|yaml|py)$"))
                    .toList();
        }
    }

    /** GitHub's anchors: the heading in lower case, punctuation dropped, spaces as hyphens. */
    private static Set<String> anchors(Path doc) throws IOException {
        Set<String> anchors = new HashSet<>();
        Matcher heading = HEADING.matcher(Files.readString(doc));
        while (heading.find()) {
            anchors.add(heading.group(1).strip().toLowerCase(Locale.ROOT)
                    .replaceAll("[^a-z0-9 _-]", "").replace(' ', '-'));
        }
        return anchors;
    }
}
