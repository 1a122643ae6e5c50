package dev.magnetar.cli.input;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.core.util.MinimalPrettyPrinter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;

import java.io.IOException;

/**
 * Serialises JSON the way Python's {@code json.dumps} does by default ({@code ", "} and
 * {@code ": "} separators, non-ASCII escaped). python-magnumclient puts such text into label
 * values, and a label must not change just because a different client sent it.
 */
final class PythonJson {

    private PythonJson() {
    }

    static String dumps(ObjectMapper json, JsonNode value) {
        ObjectWriter writer = json.writer(new PythonSeparators()).with(JsonWriteFeature.ESCAPE_NON_ASCII);
        try {
            return writer.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A JSON tree always serialises", e);
        }
    }

    private static final class PythonSeparators extends MinimalPrettyPrinter {
        @Override
        public void writeObjectFieldValueSeparator(JsonGenerator g) throws IOException {
            g.writeRaw(": ");
        }

        @Override
        public void writeObjectEntrySeparator(JsonGenerator g) throws IOException {
            g.writeRaw(", ");
        }

        @Override
        public void writeArrayValueSeparator(JsonGenerator g) throws IOException {
            g.writeRaw(", ");
        }
    }
}
