package dev.magnetar.cli.input;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.magnetar.cli.error.CommandError;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PatchBuilderTest {

    private final PatchBuilder builder = new PatchBuilder(new ObjectMapper());

    private String patch(String op, String... attributes) {
        return builder.build(op, List.of(attributes)).toString();
    }

    @Test
    void aLeadingSlashIsAddedAndValuesThatParseAsJsonAreSentAsJson() {
        assertThat(patch("replace", "node_count=3", "/name=k8s-2", "public=true", "docker_volume_size=null",
                "flavor_id=\"2\"", "ratio=1.5"))
                .isEqualTo("[{\"op\":\"replace\",\"path\":\"/node_count\",\"value\":3},"
                        + "{\"op\":\"replace\",\"path\":\"/name\",\"value\":\"k8s-2\"},"
                        + "{\"op\":\"replace\",\"path\":\"/public\",\"value\":true},"
                        + "{\"op\":\"replace\",\"path\":\"/docker_volume_size\",\"value\":null},"
                        + "{\"op\":\"replace\",\"path\":\"/flavor_id\",\"value\":\"2\"},"
                        + "{\"op\":\"replace\",\"path\":\"/ratio\",\"value\":1.5}]");
    }

    @Test
    void textThatOnlyStartsLikeJsonStaysAString() {
        assertThat(patch("add", "dns_nameserver=8.8.8.8", "no_proxy=1 2", "http_proxy="))
                .isEqualTo("[{\"op\":\"add\",\"path\":\"/dns_nameserver\",\"value\":\"8.8.8.8\"},"
                        + "{\"op\":\"add\",\"path\":\"/no_proxy\",\"value\":\"1 2\"},"
                        + "{\"op\":\"add\",\"path\":\"/http_proxy\",\"value\":\"\"}]");
    }

    @Test
    void onlyTheFirstEqualsSeparatesPathFromValue() {
        assertThat(patch("replace", "discovery_url=http://x/?a=b"))
                .isEqualTo("[{\"op\":\"replace\",\"path\":\"/discovery_url\",\"value\":\"http://x/?a=b\"}]");
    }

    @Test
    void labelsAreParsedWithTheLabelRulesAndSentAsAnObject() {
        assertThat(patch("replace", "labels=dcos_overlay_enable=false,dns_search=corp;check_time=true"))
                .isEqualTo("[{\"op\":\"replace\",\"path\":\"/labels\",\"value\":"
                        + "{\"dcos_overlay_enable\":\"false\",\"dns_search\":\"corp\",\"check_time\":\"true\"}}]");
        assertThat(patch("add", "labels=foo=bar"))
                .isEqualTo("[{\"op\":\"add\",\"path\":\"/labels\",\"value\":{\"foo\":\"bar\"}}]");
    }

    @Test
    void labelsGivenAsAJsonObjectAreSentAsThatObject() {
        assertThat(patch("replace", "labels={\"a\":\"1\"}", "health_status_reason={\"api\":\"ok\"}"))
                .isEqualTo("[{\"op\":\"replace\",\"path\":\"/labels\",\"value\":{\"a\":\"1\"}},"
                        + "{\"op\":\"replace\",\"path\":\"/health_status_reason\",\"value\":{\"api\":\"ok\"}}]");
    }

    @Test
    void removeTakesBarePaths() {
        assertThat(patch("remove", "labels", "/http_proxy"))
                .isEqualTo("[{\"op\":\"remove\",\"path\":\"/labels\"},{\"op\":\"remove\",\"path\":\"/http_proxy\"}]");
    }

    @Test
    void anAttributeWithoutAValueIsRefusedForAddAndReplace() {
        assertThatThrownBy(() -> patch("replace", "node_count"))
                .isInstanceOf(CommandError.class)
                .hasMessage("Attributes must be a list of PATH=VALUE not \"/node_count\"");
    }

    @Test
    void operationsOtherThanAddReplaceRemoveAreRefused() {
        assertThatThrownBy(() -> patch("move", "a=b"))
                .isInstanceOf(CommandError.class)
                .hasMessage("Unknown PATCH operation: move");
    }
}
