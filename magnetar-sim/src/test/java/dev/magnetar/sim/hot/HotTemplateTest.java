package dev.magnetar.sim.hot;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Parsing HOT documents, as every simulated stack create does for each of its documents. */
class HotTemplateTest {

    private static final String TEMPLATE = """
            heat_template_version: 2021-04-16
            parameters:
              flavor: {type: string, default: m1.small}
            resources:
              server: {type: OS::Nova::Server, properties: {flavor: {get_param: flavor}}}
            """;

    @Test
    void a_document_parsed_again_under_the_same_name_is_the_template_parsed_the_first_time() {
        HotTemplate first = HotTemplate.parse(TEMPLATE, "template");

        assertThat(HotTemplate.parse(new String(TEMPLATE.toCharArray()), "template")).isSameAs(first);
        assertThat(first.resources().get("server").type()).isEqualTo("OS::Nova::Server");
    }

    @Test
    void the_same_text_under_another_name_is_parsed_for_that_name() {
        assertThat(HotTemplate.parse(TEMPLATE, "nested.yaml")).isNotSameAs(HotTemplate.parse(TEMPLATE, "template"));
    }

    @Test
    void a_refused_document_is_refused_every_time() {
        String bad = "heat_template_version: 2021-04-16\nwhatever: {}\n";

        assertThatThrownBy(() -> HotTemplate.parse(bad, "template")).isInstanceOf(HotException.class)
                .hasMessageContaining("unknown section 'whatever'");
        assertThatThrownBy(() -> HotTemplate.parse(bad, "template")).isInstanceOf(HotException.class);
    }
}
