package dev.magnetar.openstack.heat;

import dev.magnetar.core.port.Stack;
import dev.magnetar.core.port.StackCredential;
import dev.magnetar.core.port.StackRequest;
import dev.magnetar.core.port.StackResource;
import dev.magnetar.core.port.StackSpec;
import dev.magnetar.core.port.StackUpdate;
import dev.magnetar.openstack.http.OpenStackHttp;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

class HeatJsonTest {

    private static final StackSpec SPEC = new StackSpec("heat_template_version: 2018-08-31\n",
            Map.of("node.yaml", "heat_template_version: 2018-08-31\n"),
            "resource_registry:\n  \"Magnetar::Node\": node.yaml\n  \"OS::Nova::Server\": My::Server\nparameter_defaults:\n  x: 1\n",
            Map.of("node_count", 2));

    @Test
    void aCreateCarriesTemplateFilesEnvironmentParametersTimeoutRollbackAndTags() {
        StackRequest request = new StackRequest("c1-0123456789ab", SPEC, 60, true,
                List.of("magnetar", "cluster_uuid=u-1"), StackCredential.NONE);

        Map<String, Object> body = HeatJson.createBody(request, Map.of());

        assertThat(body).containsEntry("stack_name", "c1-0123456789ab")
                .containsEntry("template", "heat_template_version: 2018-08-31\n")
                .containsEntry("files", Map.of("node.yaml", "heat_template_version: 2018-08-31\n"))
                .containsEntry("parameters", Map.of("node_count", 2))
                .containsEntry("timeout_mins", 60)
                .containsEntry("disable_rollback", true)
                .containsEntry("tags", "magnetar,cluster_uuid=u-1");
        assertThat(body.get("environment")).isEqualTo(Map.of(
                "resource_registry", Map.of("Magnetar::Node", "node.yaml", "OS::Nova::Server", "My::Server"),
                "parameter_defaults", Map.of("x", 1)));
    }

    @Test
    void registryOverridesWinOverTheDriversEnvironmentAndKeepItsOtherEntries() {
        Map<String, Object> environment = HeatJson.environment(SPEC.environment(),
                HeatSettings.NO_COMPUTE_NETWORK_STORAGE);

        @SuppressWarnings("unchecked")
        Map<String, Object> registry = (Map<String, Object>) environment.get("resource_registry");
        assertThat(registry).contains(entry("Magnetar::Node", "node.yaml"), entry("OS::Nova::*", "OS::Heat::None"),
                entry("OS::Neutron::*", "OS::Heat::None"), entry("OS::Cinder::*", "OS::Heat::None"),
                entry("OS::Octavia::*", "OS::Heat::None"));
        assertThat(environment).containsKey("parameter_defaults");
        assertThat(HeatJson.environment("", Map.of())).isEmpty();
        assertThat(HeatJson.environment("", Map.of("A", "B"))).isEqualTo(Map.of("resource_registry", Map.of("A", "B")));
    }

    @Test
    void anEnvironmentThatIsNotYamlIsRefusedBeforeHeatSeesIt() {
        assertThatThrownBy(() -> HeatJson.environment("resource_registry: [unclosed", Map.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not valid YAML");
    }

    @Test
    void anUpdatePatchesTheChangedParametersOnTheExistingTemplate() {
        assertThat(HeatJson.updateBody(new StackUpdate(Map.of("number_of_slaves", 3), false, 60), Map.of()))
                .isEqualTo(Map.of("existing", true, "parameters", Map.of("number_of_slaves", 3),
                        "disable_rollback", false, "timeout_mins", 60));
        assertThat(HeatJson.updateBody(new StackUpdate(Map.of(), true, 0), Map.of())).doesNotContainKey("timeout_mins");
    }

    @Test
    void aReplacementSendsTheNewTemplateFilesAndEnvironmentWithEveryParameterAndNoExistingFlag() {
        StackSpec spec = new StackSpec("heat_template_version: 2018-08-31", Map.of("pool.yaml", "x"),
                "resource_registry: {}", Map.of("number_of_slaves", 3, "pool_gpu_count", 2));

        Map<String, Object> body = HeatJson.updateBody(StackUpdate.to(spec, true, 30),
                Map.of("OS::Nova::Server", "file:///server.yaml"));

        assertThat(body).doesNotContainKey("existing")
                .containsEntry("template", "heat_template_version: 2018-08-31")
                .containsEntry("files", Map.of("pool.yaml", "x"))
                .containsEntry("parameters", Map.of("number_of_slaves", 3, "pool_gpu_count", 2))
                .containsEntry("disable_rollback", true).containsEntry("timeout_mins", 30);
        assertThat(body.get("environment").toString()).contains("file:///server.yaml");
    }

    @Test
    void readsAStackWithItsOutputsAndItsOwnParametersOnly() throws Exception {
        String shown = """
                {"id": "s-1", "stack_name": "c1", "stack_status": "ROLLBACK_COMPLETE",
                 "stack_status_reason": "Stack ROLLBACK completed successfully",
                 "parameters": {"OS::stack_id": "s-1", "OS::project_id": "p", "node_count": "2"},
                 "outputs": [{"output_key": "node_names", "output_value": ["node-0", "node-1"]},
                             {"output_key": "api_address", "output_value": null},
                             {"output_key": "count", "output_value": 2}]}""";

        Stack stack = HeatJson.stack(OpenStackHttp.json().readTree(shown));

        assertThat(stack.status()).hasToString("ROLLBACK_COMPLETE");
        assertThat(stack.statusReason()).isEqualTo("Stack ROLLBACK completed successfully");
        assertThat(stack.parameters()).containsExactly(entry("node_count", "2"));
        assertThat(stack.outputs()).containsEntry("node_names", List.of("node-0", "node-1"))
                .containsEntry("api_address", null).containsEntry("count", 2);
    }

    @Test
    void namesNestedResourcesByTheirPathThroughTheNestedStacks() throws Exception {
        List<StackResource> resources;
        try (InputStream in = getClass().getResourceAsStream("/heat/resources-nested.json")) {
            resources = HeatJson.resources(OpenStackHttp.json().readTree(in), "top");
        }

        assertThat(resources).extracting(StackResource::path)
                .containsExactly("nodes", "master", "nodes/0", "nodes/0/wait_condition", "7/server");
        assertThat(resources).filteredOn(StackResource::isFailed).extracting(StackResource::statusReason)
                .contains("WaitConditionFailure: docker did not start");
    }
}
