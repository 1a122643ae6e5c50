package dev.magnetar.cli.output;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Everything a command prints goes through here, so that {@code -f json} and {@code -f table} are a
 * decision made once. Tables follow the Magnum client (a Property/Value table for one resource, the
 * chosen columns for a list, links left out); JSON is the server's JSON, indented.
 */
public final class Output {

    private final OutputFormat format;
    private final PrintWriter out;
    private final PrintWriter err;
    private final ObjectWriter pretty;

    public Output(OutputFormat format, PrintWriter out, PrintWriter err, ObjectMapper json) {
        this.format = format;
        this.out = out;
        this.err = err;
        DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
        DefaultPrettyPrinter printer = new DefaultPrettyPrinter()
                .withSeparators(Separators.createDefaultInstance()
                        .withObjectFieldValueSpacing(Separators.Spacing.AFTER));
        printer.indentObjectsWith(indenter);
        printer.indentArraysWith(indenter);
        this.pretty = json.writer(printer);
    }

    public OutputFormat format() {
        return format;
    }

    /** One resource: a Property/Value table of its fields, or its JSON. */
    public void resource(JsonNode resource) {
        if (format == OutputFormat.json) {
            json(resource);
            return;
        }
        Table table = new Table(List.of("Property", "Value"));
        Iterator<Map.Entry<String, JsonNode>> fields = resource.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            if (!field.getKey().equals("links")) {
                table.row(List.of(field.getKey(), CellText.of(field.getValue())));
            }
        }
        table.print(out);
        out.flush();
    }

    /** Many resources: the given columns of each, or the JSON array of them. */
    public void list(List<JsonNode> items, List<String> columns) {
        if (format == OutputFormat.json) {
            json(arrayOf(items));
            return;
        }
        Table table = new Table(columns);
        for (JsonNode item : items) {
            List<String> cells = new ArrayList<>(columns.size());
            for (String column : columns) {
                cells.add(CellText.of(item.get(column)));
            }
            table.row(cells);
        }
        table.print(out);
        out.flush();
    }

    /**
     * The answer to an accepted asynchronous request: the sentence the Magnum client prints, or the
     * response body (typically {@code {"uuid": ...}}) for scripts.
     */
    public void accepted(JsonNode body, String sentence) {
        if (format == OutputFormat.json && body != null && !body.isMissingNode()) {
            json(body);
        } else {
            line(sentence);
        }
    }

    /** Any JSON document, indented, whatever the format (for documents no table can show). */
    public void json(JsonNode document) {
        try {
            out.println(pretty.writeValueAsString(document));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A JSON tree always serialises", e);
        }
        out.flush();
    }

    /** A line for the reader, such as a progress report. */
    public void line(String text) {
        out.println(text);
        out.flush();
    }

    /**
     * A progress report (such as {@code --wait}'s status changes): on standard output for tables, on
     * standard error with {@code -f json} so that standard output stays one JSON document.
     */
    public void progress(String text) {
        if (format == OutputFormat.json) {
            error(text);
        } else {
            line(text);
        }
    }

    /** A line on standard error. */
    public void error(String text) {
        err.println(text);
        err.flush();
    }

    private static JsonNode arrayOf(List<JsonNode> items) {
        ArrayNode array = JsonNodeFactory.instance.arrayNode();
        items.forEach(array::add);
        return array;
    }
}
