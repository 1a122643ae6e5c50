package dev.magnetar.driver.dcos;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.magnetar.core.port.StackSpec;
import dev.magnetar.driver.dcos.config.DcosConfigRules;
import dev.magnetar.driver.kit.testing.GoldenFiles;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static dev.magnetar.driver.kit.testing.GoldenFiles.compare;
import static dev.magnetar.driver.kit.testing.GoldenFiles.decode;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Rendered config.yaml, agent flags, node settings and Heat parameters for each golden case,
 * compared with files reviewed by eye under {@code src/test/resources/golden/<case>/}. Regenerate
 * only deliberately: {@code -Dmagnetar.golden.update=true}, then read the diff.
 */
class GoldenFilesTest {

    private static final Path DIR = GoldenFiles.directory();
    private static final YAMLMapper YAML = YAMLMapper.builder()
            .disable(com.fasterxml.jackson.dataformat.yaml.YAMLGenerator.Feature.WRITE_DOC_START_MARKER).build();
    private static final List<String> FILE_PARAMETERS = List.of("node_settings", "dcos_config", "agent_flags",
            "ip_detect", "ip_detect_public", "upgrade_watcher");

    @TestFactory
    Stream<DynamicTest> renderedFilesMatchTheReviewedGoldenFiles() {
        return GoldenCases.all().stream().map(c -> DynamicTest.dynamicTest(c.name(), () -> {
            StackSpec spec = c.spec();
            Map<String, String> files = new LinkedHashMap<>();
            files.put("config.yaml", decode(spec, "dcos_config"));
            files.put("mesos-slave-common", decode(spec, "agent_flags"));
            files.put("node-settings", decode(spec, "node_settings"));
            files.put("parameters.yaml", parametersWithoutFiles(spec));
            for (String pool : poolFileParameters(spec)) {
                files.put(pool.replace("_agent_flags", "") + "-mesos-slave-common", decode(spec, pool));
            }
            if (!poolFileParameters(spec).isEmpty()) {
                files.put("dcoscluster.yaml", spec.template());
            }
            for (Map.Entry<String, String> file : files.entrySet()) {
                compare(DIR.resolve(c.name()).resolve(file.getKey()), file.getValue());
            }
        }));
    }

    @TestFactory
    Stream<DynamicTest> everyGoldenConfigSatisfiesDcos22Rules() {
        return GoldenCases.all().stream().map(c -> DynamicTest.dynamicTest(c.name(), () -> {
            ObjectNode tree = (ObjectNode) YAML.readTree(decode(c.spec(), "dcos_config"));
            assertThat(DcosConfigRules.check(tree, c.cluster().spec().masterCount())).isEmpty();
        }));
    }

    /** The added node groups' agent flags files, one per pool. */
    private static List<String> poolFileParameters(StackSpec spec) {
        return spec.parameters().keySet().stream().filter(p -> p.startsWith("pool_") && p.endsWith("_agent_flags"))
                .toList();
    }

    /** File-carrying parameters are shown by name; their content is golden on its own above. */
    private static String parametersWithoutFiles(StackSpec spec) throws IOException {
        Map<String, Object> shown = new LinkedHashMap<>(spec.parameters());
        FILE_PARAMETERS.forEach(p -> shown.put(p, "<base64 of the rendered " + p + " file>"));
        poolFileParameters(spec).forEach(p -> shown.put(p, "<base64 of the rendered " + p + " file>"));
        return YAML.writeValueAsString(shown);
    }
}
