package dev.magnetar.core.status;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The diagram in the docs is the table: it fails when they drift, and rewrites the page on request. */
class ClusterLifecycleDiagramTest {

    private static final Path PAGE = Path.of("..", "docs", "design", "cluster-lifecycle.md");
    private static final String WRITE = "lifecycle.diagram.write";

    @Test
    void the_documented_diagram_is_the_table() throws IOException {
        String expected = LifecycleDiagram.markdown();
        if (Boolean.getBoolean(WRITE)) {
            Files.createDirectories(PAGE.getParent());
            Files.writeString(PAGE, expected, StandardCharsets.UTF_8);
        }
        String documented = Files.exists(PAGE) ? Files.readString(PAGE, StandardCharsets.UTF_8) : "";
        assertThat(documented)
                .as("%s is stale; regenerate it with: mvn -pl magnetar-core test "
                        + "-Dtest=ClusterLifecycleDiagramTest -D%s=true", PAGE.normalize(), WRITE)
                .isEqualTo(expected);
    }

    @Test
    void the_diagram_enters_by_a_create_and_leaves_from_delete_complete() {
        assertThat(LifecycleDiagram.mermaid())
                .startsWith("stateDiagram-v2\n    [*] --> CREATE_IN_PROGRESS : create requested\n")
                .contains("    DELETE_COMPLETE --> [*]\n")
                .contains("    CREATE_COMPLETE --> UPDATE_IN_PROGRESS : update requested, resize requested, "
                        + "upgrade requested\n");
    }
}
