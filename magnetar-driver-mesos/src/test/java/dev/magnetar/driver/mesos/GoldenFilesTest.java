package dev.magnetar.driver.mesos;

import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.magnetar.core.port.StackSpec;
import dev.magnetar.driver.kit.testing.GoldenFiles;
import dev.magnetar.driver.mesos.heat.MesosStackRenderer;
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

/**
 * The rendered flag files and Heat parameters of each golden case, compared with files reviewed by
 * eye under {@code src/test/resources/golden/<case>/}. Regenerate only deliberately, with
 * {@code -Dmagnetar.golden.update=true}, then read the diff before committing it.
 */
class GoldenFilesTest {

    private static final Path DIR = GoldenFiles.directory();
    private static final YAMLMapper YAML = YAMLMapper.builder()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER).build();
    private static final Map<String, String> FILE_OF_PARAMETER = Map.of(
            "node_settings", "node-settings",
            "master_flags", "mesos-master.env",
            "marathon_flags", "marathon.env",
            "agent_flags", "mesos-agent.env",
            "rexray_config", "rexray-config.yml");

    @TestFactory
    Stream<DynamicTest> renderedFilesMatchTheReviewedGoldenFiles() {
        return GoldenCases.all().stream().map(c -> DynamicTest.dynamicTest(c.name(), () -> {
            StackSpec spec = c.spec();
            Map<String, String> files = new LinkedHashMap<>();
            for (String parameter : MesosStackRenderer.FILE_PARAMETERS) {
                String text = decode(spec, parameter);
                if (!text.isEmpty()) {
                    files.put(FILE_OF_PARAMETER.get(parameter), text);
                }
            }
            files.put("parameters.yaml", parametersWithoutFiles(spec));
            for (String pool : poolFileParameters(spec)) {
                files.put(pool.replace("_agent_flags", "") + "-mesos-agent.env", decode(spec, pool));
            }
            if (!poolFileParameters(spec).isEmpty()) {
                files.put("mesoscluster.yaml", spec.template());
            }
            for (Map.Entry<String, String> file : files.entrySet()) {
                compare(DIR.resolve(c.name()).resolve(file.getKey()), file.getValue());
            }
        }));
    }

    /** The added node pools' agent environment files, one per pool. */
    private static List<String> poolFileParameters(StackSpec spec) {
        return spec.parameters().keySet().stream().filter(p -> p.startsWith("pool_") && p.endsWith("_agent_flags"))
                .toList();
    }

    /** File-carrying parameters are shown by name; their content is golden on its own above. */
    private static String parametersWithoutFiles(StackSpec spec) throws IOException {
        Map<String, Object> shown = new LinkedHashMap<>(spec.parameters());
        MesosStackRenderer.FILE_PARAMETERS.forEach(p -> shown.put(p, decode(spec, p).isEmpty() ? ""
                : "<base64 of " + FILE_OF_PARAMETER.get(p) + ">"));
        poolFileParameters(spec).forEach(p -> shown.put(p, "<base64 of " + p.replace("_agent_flags", "")
                + "-mesos-agent.env>"));
        return YAML.writeValueAsString(shown);
    }
}
