package dev.magnetar.driver.mesos;

import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.magnetar.core.port.StackSpec;
import dev.magnetar.driver.mesos.heat.MesosStackRenderer;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.fail;

/**
 * The rendered flag files and Heat parameters of each golden case, compared with files reviewed by
 * eye under {@code src/test/resources/golden/<case>/}. Regenerate only deliberately, with
 * {@code -Dmagnetar.golden.update=true}, then read the diff before committing it.
 */
class GoldenFilesTest {

    private static final Path DIR = Path.of(System.getProperty("magnetar.golden.dir", "src/test/resources/golden"));
    private static final boolean UPDATE = Boolean.getBoolean("magnetar.golden.update");
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
            for (Map.Entry<String, String> file : files.entrySet()) {
                compare(DIR.resolve(c.name()).resolve(file.getKey()), file.getValue());
            }
        }));
    }

    /** File-carrying parameters are shown by name; their content is golden on its own above. */
    private static String parametersWithoutFiles(StackSpec spec) throws IOException {
        Map<String, Object> shown = new LinkedHashMap<>(spec.parameters());
        MesosStackRenderer.FILE_PARAMETERS.forEach(p -> shown.put(p, decode(spec, p).isEmpty() ? ""
                : "<base64 of " + FILE_OF_PARAMETER.get(p) + ">"));
        return YAML.writeValueAsString(shown);
    }

    static String decode(StackSpec spec, String parameter) {
        return new String(Base64.getDecoder().decode(spec.parameters().get(parameter).toString()),
                StandardCharsets.UTF_8);
    }

    private static void compare(Path golden, String actual) throws IOException {
        if (UPDATE) {
            Files.createDirectories(golden.getParent());
            Files.writeString(golden, actual);
            return;
        }
        if (!Files.exists(golden)) {
            fail("no golden file " + golden + "; write it with -Dmagnetar.golden.update=true and review it");
        }
        String expected = Files.readString(golden);
        if (!expected.equals(actual)) {
            fail("rendered output differs from " + golden + ":\n" + diff(expected, actual));
        }
    }

    private static String diff(String expected, String actual) {
        List<String> e = expected.lines().toList();
        List<String> a = actual.lines().toList();
        List<String> out = new ArrayList<>();
        for (int i = 0; i < Math.max(e.size(), a.size()); i++) {
            String el = i < e.size() ? e.get(i) : null;
            String al = i < a.size() ? a.get(i) : null;
            if (el == null || !el.equals(al)) {
                if (el != null) {
                    out.add(String.format("%4d - %s", i + 1, el));
                }
                if (al != null) {
                    out.add(String.format("%4d + %s", i + 1, al));
                }
            }
        }
        return String.join("\n", out);
    }
}
