package dev.magnetar.cli.output;

import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class TableTest {

    private static String render(Table table) {
        StringWriter text = new StringWriter();
        table.print(new PrintWriter(text));
        return text.toString();
    }

    @Test
    void columnsAreAsWideAsTheirWidestCellAndLeftAligned() {
        Table table = new Table(List.of("uuid", "name")).row(List.of("a42f", "osc-k8s-2")).row(List.of("b", "x"));

        assertThat(render(table)).isEqualTo("""
                +------+-----------+
                | uuid | name      |
                +------+-----------+
                | a42f | osc-k8s-2 |
                | b    | x         |
                +------+-----------+
                """);
    }

    @Test
    void anEmptyTableIsJustItsHeader() {
        assertThat(render(new Table(List.of("uuid", "name")))).isEqualTo("""
                +------+------+
                | uuid | name |
                +------+------+
                """);
    }

    @Test
    void aCellWithLineBreaksSpansSeveralLinesOfItsRow() {
        Table table = new Table(List.of("Property", "Value")).row(List.of("status_reason", "first\nsecond line"));

        assertThat(render(table)).isEqualTo("""
                +---------------+-------------+
                | Property      | Value       |
                +---------------+-------------+
                | status_reason | first       |
                |               | second line |
                +---------------+-------------+
                """);
    }
}
