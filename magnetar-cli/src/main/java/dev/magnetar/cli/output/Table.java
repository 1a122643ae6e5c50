package dev.magnetar.cli.output;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * A boxed, left-aligned text table in the style of Python's prettytable, which the Magnum and
 * OpenStack clients print; operators' eyes (and their grep habits) are used to it. A cell with line
 * breaks spans several lines of its row.
 */
public final class Table {

    private final List<String> headers;
    private final List<List<String>> rows = new ArrayList<>();

    public Table(List<String> headers) {
        this.headers = List.copyOf(headers);
    }

    public Table row(List<String> cells) {
        if (cells.size() != headers.size()) {
            throw new IllegalArgumentException("a row needs " + headers.size() + " cells, got " + cells.size());
        }
        rows.add(List.copyOf(cells));
        return this;
    }

    public void print(PrintWriter out) {
        int[] widths = new int[headers.size()];
        for (int i = 0; i < widths.length; i++) {
            widths[i] = width(headers.get(i));
            for (List<String> row : rows) {
                widths[i] = Math.max(widths[i], width(row.get(i)));
            }
        }
        String rule = rule(widths);
        out.println(rule);
        printRow(out, headers, widths);
        out.println(rule);
        for (List<String> row : rows) {
            printRow(out, row, widths);
        }
        if (!rows.isEmpty()) {
            out.println(rule);
        }
    }

    private static String rule(int[] widths) {
        StringBuilder line = new StringBuilder("+");
        for (int width : widths) {
            line.append("-".repeat(width + 2)).append('+');
        }
        return line.toString();
    }

    private static void printRow(PrintWriter out, List<String> cells, int[] widths) {
        List<String[]> lines = new ArrayList<>();
        int height = 1;
        for (String cell : cells) {
            String[] split = cell.split("\n", -1);
            lines.add(split);
            height = Math.max(height, split.length);
        }
        for (int l = 0; l < height; l++) {
            StringBuilder line = new StringBuilder("|");
            for (int c = 0; c < cells.size(); c++) {
                String[] cellLines = lines.get(c);
                String text = l < cellLines.length ? cellLines[l] : "";
                line.append(' ').append(text).append(" ".repeat(widths[c] - text.codePointCount(0, text.length())))
                        .append(" |");
            }
            out.println(line);
        }
    }

    private static int width(String cell) {
        int widest = 0;
        for (String line : cell.split("\n", -1)) {
            widest = Math.max(widest, line.codePointCount(0, line.length()));
        }
        return widest;
    }
}
