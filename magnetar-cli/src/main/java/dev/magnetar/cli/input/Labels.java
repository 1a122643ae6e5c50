package dev.magnetar.cli.input;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.magnetar.cli.error.CommandError;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns {@code --labels} arguments into the label map the API takes, with python-magnumclient's
 * rules so that a command line copied from Magnum means the same here:
 * <ul>
 *   <li>{@code --labels} may be repeated, one {@code KEY=VALUE} each;</li>
 *   <li>given once with more than one {@code =}, the value is a list split on {@code ,} and {@code ;};</li>
 *   <li>a key given twice keeps both values, joined with a comma;</li>
 *   <li>the pseudo-label {@code mesos_slave_executor_env_file=<path>} names a JSON file whose content
 *       becomes the label {@code mesos_slave_executor_env_variables}.</li>
 * </ul>
 */
public final class Labels {

    /** The client-side pseudo-label naming a JSON file of executor environment variables. */
    public static final String EXECUTOR_ENV_FILE = "mesos_slave_executor_env_file";
    /** The real label the file's content is sent as. */
    public static final String EXECUTOR_ENV_VARIABLES = "mesos_slave_executor_env_variables";

    private final ObjectMapper json;

    public Labels(ObjectMapper json) {
        this.json = json;
    }

    /** Parses the arguments of every {@code --labels}; none gives an empty map. */
    public Map<String, String> parse(List<String> arguments) {
        Map<String, String> labels = new LinkedHashMap<>();
        if (arguments == null || arguments.isEmpty()) {
            return labels;
        }
        for (String pair : pairs(arguments)) {
            int eq = pair.indexOf('=');
            if (eq < 0) {
                throw new CommandError("labels must be a list of KEY=VALUE not " + pair);
            }
            labels.merge(pair.substring(0, eq), pair.substring(eq + 1), (old, added) -> old + "," + added);
        }
        String envFile = labels.remove(EXECUTOR_ENV_FILE);
        if (envFile != null) {
            labels.put(EXECUTOR_ENV_VARIABLES, PythonJson.dumps(json, readJsonFile(envFile)));
        }
        return labels;
    }

    private static List<String> pairs(List<String> arguments) {
        if (arguments.size() == 1 && arguments.get(0).chars().filter(c -> c == '=').count() > 1) {
            return Arrays.asList(arguments.get(0).replace(';', ',').split(",", -1));
        }
        return arguments;
    }

    private JsonNode readJsonFile(String file) {
        String text;
        try {
            text = Files.readString(Path.of(file)).strip();
        } catch (IOException | RuntimeException e) {
            throw new CommandError("Cannot get JSON from file '" + file + "'. Error: " + e.getMessage(), e);
        }
        try {
            JsonNode content = json.readTree(text);
            if (content.isMissingNode()) {
                throw new CommandError("For JSON: '" + text + "', error: 'the file is empty'");
            }
            return content;
        } catch (JsonProcessingException e) {
            throw new CommandError("For JSON: '" + text + "', error: '" + e.getOriginalMessage() + "'", e);
        }
    }
}
