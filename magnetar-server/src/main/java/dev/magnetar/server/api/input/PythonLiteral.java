package dev.magnetar.server.api.input;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Optional;

/**
 * Reads the flat Python dict literal that python-magnumclient sends as a label update value, e.g.
 * {@code {'a': 'b', 'n': 3, 'f': True}}. Only string keys and str/int/float/bool/None values.
 */
final class PythonLiteral {

    private final String text;
    private int pos;

    private PythonLiteral(String text) {
        this.text = text;
    }

    static Optional<JsonNode> parseDict(String text) {
        try {
            PythonLiteral parser = new PythonLiteral(text);
            ObjectNode dict = parser.dict();
            parser.skipSpace();
            return parser.pos == text.length() ? Optional.of(dict) : Optional.empty();
        } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
            return Optional.empty();
        }
    }

    private ObjectNode dict() {
        ObjectNode dict = JsonNodeFactory.instance.objectNode();
        expect('{');
        skipSpace();
        if (peek() == '}') {
            pos++;
            return dict;
        }
        while (true) {
            skipSpace();
            String key = string();
            skipSpace();
            expect(':');
            skipSpace();
            dict.set(key, value());
            skipSpace();
            char c = text.charAt(pos++);
            if (c == '}') {
                return dict;
            }
            if (c != ',') {
                throw new IllegalArgumentException("expected , or }");
            }
        }
    }

    private JsonNode value() {
        char c = peek();
        if (c == '\'' || c == '"') {
            return JsonNodeFactory.instance.textNode(string());
        }
        int start = pos;
        while (pos < text.length() && ",} ".indexOf(text.charAt(pos)) < 0) {
            pos++;
        }
        String token = text.substring(start, pos);
        return switch (token) {
            case "True" -> JsonNodeFactory.instance.booleanNode(true);
            case "False" -> JsonNodeFactory.instance.booleanNode(false);
            case "None" -> JsonNodeFactory.instance.nullNode();
            default -> token.matches("-?\\d+") ? JsonNodeFactory.instance.numberNode(Long.parseLong(token))
                    : JsonNodeFactory.instance.numberNode(Double.parseDouble(token));
        };
    }

    private String string() {
        char quote = text.charAt(pos++);
        if (quote != '\'' && quote != '"') {
            throw new IllegalArgumentException("expected a quoted string");
        }
        StringBuilder out = new StringBuilder();
        while (true) {
            char c = text.charAt(pos++);
            if (c == quote) {
                return out.toString();
            }
            if (c == '\\') {
                char escaped = text.charAt(pos++);
                out.append(switch (escaped) {
                    case 'n' -> '\n';
                    case 't' -> '\t';
                    default -> escaped;
                });
            } else {
                out.append(c);
            }
        }
    }

    private void expect(char c) {
        if (text.charAt(pos++) != c) {
            throw new IllegalArgumentException("expected " + c);
        }
    }

    private char peek() {
        return text.charAt(pos);
    }

    private void skipSpace() {
        while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
            pos++;
        }
    }
}
