package dev.magnetar.cli.output;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Iterator;
import java.util.Map;

/**
 * How a JSON value reads in a table cell. It follows the Magnum client, which prints Python values:
 * {@code -} for null, {@code True}/{@code False}, and maps and lists in Python's literal syntax
 * ({@code {'kube_tag': 'v1.23.3'}}), so output and scripts carry over from {@code magnum}.
 */
public final class CellText {

    private CellText() {
    }

    public static String of(JsonNode value) {
        if (value == null || value.isNull() || value.isMissingNode()) {
            return "-";
        }
        if (value.isTextual()) {
            return value.asText();
        }
        return literal(value);
    }

    private static String literal(JsonNode value) {
        if (value == null || value.isNull() || value.isMissingNode()) {
            return "None";
        }
        if (value.isBoolean()) {
            return value.booleanValue() ? "True" : "False";
        }
        if (value.isTextual()) {
            return quote(value.asText());
        }
        if (value.isObject()) {
            StringBuilder text = new StringBuilder("{");
            Iterator<Map.Entry<String, JsonNode>> fields = value.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                text.append(quote(field.getKey())).append(": ").append(literal(field.getValue()));
                if (fields.hasNext()) {
                    text.append(", ");
                }
            }
            return text.append('}').toString();
        }
        if (value.isArray()) {
            StringBuilder text = new StringBuilder("[");
            for (int i = 0; i < value.size(); i++) {
                text.append(i == 0 ? "" : ", ").append(literal(value.get(i)));
            }
            return text.append(']').toString();
        }
        return value.asText();
    }

    /** Python's repr of a string: single quotes unless the text holds one and no double quote. */
    private static String quote(String text) {
        char quote = text.indexOf('\'') >= 0 && text.indexOf('"') < 0 ? '"' : '\'';
        StringBuilder quoted = new StringBuilder().append(quote);
        for (char c : text.toCharArray()) {
            switch (c) {
                case '\\' -> quoted.append("\\\\");
                case '\n' -> quoted.append("\\n");
                case '\r' -> quoted.append("\\r");
                case '\t' -> quoted.append("\\t");
                default -> {
                    if (c == quote) {
                        quoted.append('\\');
                    }
                    quoted.append(c);
                }
            }
        }
        return quoted.append(quote).toString();
    }
}
