package dev.magnetar.core.service;

import dev.magnetar.core.context.RequestContext;
import dev.magnetar.core.error.MagnetarException;
import dev.magnetar.core.model.Cluster;
import dev.magnetar.core.model.ClusterTemplate;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Who reads which secret label value: the rule every view and preview applies. */
class LabelSecretsTest {

    private final LabelSecrets secrets = LabelSecrets.matching("key"::equals);

    private final ClusterTemplate template = ClusterTemplate.builder().uuid("t").projectId("owner")
            .labels(Map.of("key", "template-secret", "region", "eu")).build();

    private static RequestContext caller(String project, String... roles) {
        return new RequestContext("req", project + "-user", null, project, null, null, null, Set.of(roles), null);
    }

    private Cluster cluster(String project, Map<String, String> labels) {
        return Cluster.builder().uuid("c").projectId(project).clusterTemplateId("t").labels(labels).build();
    }

    @Test
    void a_templates_secret_is_read_by_its_projects_members_and_admins_only() {
        assertThat(secrets.templateLabels(caller("owner", "member"), template)).containsEntry("key", "template-secret");
        assertThat(secrets.templateLabels(caller("ops", "admin"), template)).containsEntry("key", "template-secret");

        assertThat(secrets.templateLabels(caller("other", "member"), template))
                .containsEntry("key", LabelSecrets.MASK).containsEntry("region", "eu");
        assertThat(secrets.templateLabels(caller("owner", "reader"), template)).containsEntry("key", LabelSecrets.MASK);
    }

    @Test
    void an_inherited_value_stays_the_templates_and_a_given_one_is_the_clusters() {
        Cluster inherited = cluster("other", template.labels());
        Cluster own = cluster("other", Map.of("key", "own-secret", "region", "eu"));

        assertThat(secrets.clusterLabels(caller("other", "member"), inherited, template).labels())
                .containsEntry("key", LabelSecrets.MASK);
        assertThat(secrets.unreadable(caller("other", "member"), inherited, template)).containsExactly("key");

        LabelSecrets.ClusterLabels shown = secrets.clusterLabels(caller("other", "member"), own, template);
        assertThat(shown.labels()).containsEntry("key", "own-secret");
        assertThat(shown.overridden()).containsEntry("key", LabelSecrets.MASK);
        assertThat(secrets.unreadable(caller("other", "member"), own, template)).isEmpty();
    }

    @Test
    void the_difference_is_computed_before_masking_so_a_reader_still_sees_what_was_overridden() {
        Cluster own = cluster("owner", Map.of("key", "own-secret", "region", "eu"));

        LabelSecrets.ClusterLabels shown = secrets.clusterLabels(caller("owner", "reader"), own, template);

        assertThat(shown.labels()).containsEntry("key", LabelSecrets.MASK);
        assertThat(shown.overridden()).containsOnlyKeys("key").containsEntry("key", LabelSecrets.MASK);
    }

    @Test
    void when_the_template_is_gone_only_admins_read_a_clusters_secret() {
        Cluster orphan = cluster("owner", Map.of("key", "whose"));

        assertThat(secrets.clusterLabels(caller("owner", "member"), orphan, null).labels())
                .containsEntry("key", LabelSecrets.MASK);
        LabelSecrets.ClusterLabels admin = secrets.clusterLabels(caller("ops", "admin"), orphan, null);
        assertThat(admin.labels()).containsEntry("key", "whose");
        assertThat(admin.added()).containsEntry("key", "whose");
        assertThat(secrets.clusterLabels(caller("owner", "member"), orphan, null).added())
                .containsEntry("key", LabelSecrets.MASK);
    }

    @Test
    void the_mask_is_not_a_value() {
        assertThatThrownBy(() -> secrets.refuseMasks(Map.of("key", LabelSecrets.MASK), "cluster"))
                .isInstanceOf(MagnetarException.class).hasMessageContaining("key");
        secrets.refuseMasks(Map.of("region", LabelSecrets.MASK), "cluster");
    }
}
