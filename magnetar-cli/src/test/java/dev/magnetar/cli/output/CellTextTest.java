package dev.magnetar.cli.output;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CellTextTest {

    private final ObjectMapper json = new ObjectMapper();

    private String cell(String jsonValue) throws Exception {
        return CellText.of(json.readTree(jsonValue));
    }

    @Test
    void scalarsReadAsTheMagnumClientPrintsThem() throws Exception {
        assertThat(cell("null")).isEqualTo("-");
        assertThat(CellText.of(null)).isEqualTo("-");
        assertThat(cell("true")).isEqualTo("True");
        assertThat(cell("false")).isEqualTo("False");
        assertThat(cell("3")).isEqualTo("3");
        assertThat(cell("\"CREATE_COMPLETE\"")).isEqualTo("CREATE_COMPLETE");
    }

    @Test
    void mapsAndListsUsePythonLiteralSyntax() throws Exception {
        assertThat(cell("{\"kube_tag\": \"v1.23.3\", \"container_runtime\": \"containerd\"}"))
                .isEqualTo("{'kube_tag': 'v1.23.3', 'container_runtime': 'containerd'}");
        assertThat(cell("[\"10.0.0.5\", \"10.0.0.6\"]")).isEqualTo("['10.0.0.5', '10.0.0.6']");
        assertThat(cell("[]")).isEqualTo("[]");
        assertThat(cell("{}")).isEqualTo("{}");
        assertThat(cell("{\"a\": null, \"b\": true, \"c\": [1, 2]}")).isEqualTo("{'a': None, 'b': True, 'c': [1, 2]}");
    }

    @Test
    void quotesInsideLiteralsAreEscapedAsPythonDoes() throws Exception {
        assertThat(cell("[\"it's\"]")).isEqualTo("[\"it's\"]");
        assertThat(cell("[\"say \\\"hi\\\" it's\"]")).isEqualTo("['say \"hi\" it\\'s']");
        assertThat(cell("[\"a\\nb\\\\c\"]")).isEqualTo("['a\\nb\\\\c']");
    }
}
