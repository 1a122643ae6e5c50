package dev.magnetar.store;

import dev.magnetar.core.model.OperationArguments;
import dev.magnetar.core.model.OperationKind;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OperationArgumentsJsonTest {

    private static final OperationArguments.Update SHRINK =
            new OperationArguments.Update(3, List.of("node-1", "node-2"), true);

    @Test
    void an_update_is_stored_as_an_object_with_a_list_a_number_and_a_boolean() {
        assertThat(OperationArgumentsJson.write(SHRINK))
                .isEqualTo("{\"nodes_to_remove\":[\"node-1\",\"node-2\"],\"previous_node_count\":3,\"rollback\":true}");
    }

    private static final OperationArguments.Upgrade UPGRADE =
            new OperationArguments.Upgrade("8a1c2b3d-0000-4000-8000-000000000001", 2);

    @Test
    void an_upgrade_is_stored_with_the_template_it_left_and_its_batch_size_as_a_number() {
        assertThat(OperationArgumentsJson.write(UPGRADE))
                .isEqualTo("{\"max_batch_size\":2,\"previous_template_id\":\"8a1c2b3d-0000-4000-8000-000000000001\"}");
    }

    @Test
    void an_upgrade_without_its_batch_size_is_refused_as_corrupt() {
        assertThatThrownBy(() -> OperationArgumentsJson.read(OperationKind.UPGRADE_CLUSTER,
                "{\"previous_template_id\":\"t\"}"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("max_batch_size");
    }

    @Test
    void a_node_group_resize_names_its_group_and_a_default_worker_resize_does_not() {
        assertThat(OperationArgumentsJson.write(new OperationArguments.Update(2, List.of(), false, "ng-1")))
                .isEqualTo("{\"nodegroup\":\"ng-1\",\"nodes_to_remove\":[],\"previous_node_count\":2,"
                        + "\"rollback\":false}");
        assertThat(OperationArgumentsJson.write(SHRINK)).doesNotContain("nodegroup");
    }

    @Test
    void a_create_and_a_delete_carry_no_arguments() {
        assertThat(OperationArgumentsJson.write(new OperationArguments.Create())).isEqualTo("{}");
        assertThat(OperationArgumentsJson.write(new OperationArguments.Delete())).isEqualTo("{}");
        assertThat(OperationArgumentsJson.read(OperationKind.CREATE_CLUSTER, "{}"))
                .isEqualTo(new OperationArguments.Create());
        assertThat(OperationArgumentsJson.read(OperationKind.DELETE_CLUSTER, "{}"))
                .isEqualTo(new OperationArguments.Delete());
    }

    @Test
    void every_kind_reads_back_what_was_written() {
        List<OperationArguments> all = List.of(new OperationArguments.Create(), SHRINK,
                new OperationArguments.Update(1, List.of(), false), UPGRADE, new OperationArguments.Delete(),
                new OperationArguments.Update(4, List.of("10.0.3.7"), false, "ng-uuid"),
                new OperationArguments.Restack(true), new OperationArguments.Restack(false));

        assertThat(all).allSatisfy(arguments -> assertThat(
                OperationArgumentsJson.read(arguments.kind(), OperationArgumentsJson.write(arguments)))
                .isEqualTo(arguments));
    }

    @Test
    void an_update_written_by_the_previous_version_as_flat_strings_is_read() {
        String previous = "{\"nodes_to_remove\":\"node-1\\nnode-2\",\"previous_node_count\":\"3\","
                + "\"rollback\":\"true\"}";

        assertThat(OperationArgumentsJson.read(OperationKind.UPDATE_CLUSTER, previous)).isEqualTo(SHRINK);
    }

    @Test
    void an_empty_list_and_a_false_rollback_of_the_previous_version_are_read() {
        String previous = "{\"nodes_to_remove\":\"\",\"previous_node_count\":\"2\",\"rollback\":\"false\"}";

        assertThat(OperationArgumentsJson.read(OperationKind.UPDATE_CLUSTER, previous))
                .isEqualTo(new OperationArguments.Update(2, List.of(), false));
    }

    @Test
    void a_create_or_delete_of_the_previous_version_with_an_empty_payload_is_read() {
        assertThat(OperationArgumentsJson.read(OperationKind.CREATE_CLUSTER, ""))
                .isEqualTo(new OperationArguments.Create());
        assertThat(OperationArgumentsJson.read(OperationKind.DELETE_CLUSTER, null))
                .isEqualTo(new OperationArguments.Delete());
    }

    @Test
    void an_update_without_its_previous_node_count_is_refused_as_corrupt() {
        assertThatThrownBy(() -> OperationArgumentsJson.read(OperationKind.UPDATE_CLUSTER, "{\"rollback\":true}"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("previous_node_count");
    }
}
