package dev.magnetar.driver.kit.labels;

import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.TextNode;
import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class LabelTypesTest {

    @Test
    void boolIsCheckedAsTrueOrFalseAndWrittenAsABoolean() {
        LabelType bool = LabelTypes.bool();

        assertThat(bool.name()).isEqualTo("bool");
        assertThat(bool.problem("yes")).contains("must be one of true, false");
        assertThat(bool.tree("true")).isEqualTo(BooleanNode.TRUE);
        assertThat(bool.renderedProblem(TextNode.valueOf("true"))).contains("must be a YAML boolean");
        assertThat(bool.renderedProblem(BooleanNode.FALSE)).isEmpty();
    }

    @Test
    void integerNamesItsRangeAndIsWrittenAsANumber() {
        LabelType mtu = LabelTypes.integer(552, 9000);

        assertThat(mtu.name()).isEqualTo("int");
        assertThat(mtu.problem("9001")).contains("must be an integer from 552 to 9000");
        assertThat(mtu.problem("1400")).isEmpty();
        assertThat(mtu.tree("1400")).isEqualTo(IntNode.valueOf(1400));
        assertThat(LabelTypes.integer("int (ms)", 1, 2).name()).isEqualTo("int (ms)");
    }

    @Test
    void enumerationListsWhatIsAllowedAndIsWrittenAsText() {
        LabelType backend = LabelTypes.oneOf("static", "zookeeper");

        assertThat(backend.name()).isEqualTo("enum");
        assertThat(backend.problem("etcd")).contains("must be one of static, zookeeper");
        assertThat(backend.tree("static")).isEqualTo(TextNode.valueOf("static"));
    }

    @Test
    void mesosDurationNeedsAUnitDirectlyAfterTheNumber() {
        LabelType delay = LabelTypes.mesosDuration();

        assertThat(delay.name()).isEqualTo("Mesos duration");
        assertThat(delay.problem("2days")).isEmpty();
        assertThat(delay.problem("1h")).contains("must be a Mesos duration: a number directly followed by one of ns, "
                + "us, ms, secs, mins, hrs, days, weeks (e.g. 1hrs; a bare number or '1h' is invalid)");
        assertThat(delay.tree("2days")).isEqualTo(TextNode.valueOf("2days"));
        assertThat(delay.renderedProblem(TextNode.valueOf("60"))).contains("must be a Mesos duration");
    }

    @Test
    void mesosDurationMayBeJudgedByTheDriversOwnBounds() {
        LabelType bounded = LabelTypes.mesosDuration(v -> v.equals("5mins") ? Optional.empty()
                : Optional.of("must be from 10secs to 60mins"));

        assertThat(bounded.problem("2hrs")).contains("must be from 10secs to 60mins");
        assertThat(bounded.renderedProblem(TextNode.valueOf("2hrs"))).isEmpty();
    }

    @Test
    void jsonIsWrittenAsTheObjectItHoldsAndAKeyGivenTwiceIsNoObject() {
        LabelType json = LabelTypes.json(ValueCheck.ANY);

        assertThat(json.name()).isEqualTo("JSON");
        assertThat(json.tree("{\"a\": [1, true]}").toString()).isEqualTo("{\"a\":[1,true]}");
        assertThat(LabelTypes.jsonObject("{\"a\": 1, \"a\": 2}")).isEmpty();
        assertThat(LabelTypes.jsonObject("[1]")).isEmpty();
    }

    @Test
    void secretAndTextAreWrittenAsTextAndOnlyTheSecretIsSecret() {
        LabelType secret = LabelTypes.secret(ValueChecks.pattern("[a-z]+", "must be lower case"));
        LabelType text = LabelTypes.text("path", ValueChecks.pattern("/.*", "must start with /"));

        assertThat(secret.name()).isEqualTo(LabelSpec.SECRET);
        assertThat(secret.secret()).isTrue();
        assertThat(secret.problem("ABC")).contains("must be lower case");
        assertThat(text.secret()).isFalse();
        assertThat(text.name()).isEqualTo("path");
        assertThat(text.tree("/srv")).isEqualTo(TextNode.valueOf("/srv"));
    }
}
