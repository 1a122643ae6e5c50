package dev.magnetar.driver.mesos.labels;

import dev.magnetar.core.model.ClusterTemplate;
import dev.magnetar.driver.kit.labels.Labels;
import dev.magnetar.driver.kit.labels.ValueCheck;
import dev.magnetar.driver.kit.labels.ValueChecks;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The rules that tie labels to each other, to the template's fields and to the service's settings:
 * what REX-Ray needs, what an APT source needs, and proxies that must be single safe words.
 */
public final class MesosLabelRules {

    private MesosLabelRules() {
    }

    /**
     * @param repoUrl          the effective package repository (label, else the service's setting; may be empty)
     * @param agentHasDockerVolumes whether the effective agent flags can mount Docker volumes
     */
    public static List<String> check(Labels labels, ClusterTemplate template, String repoUrl,
                                     boolean agentHasDockerVolumes) {
        List<String> violations = new ArrayList<>();
        String volumeDriver = template.volumeDriver() == null ? "" : template.volumeDriver();
        boolean rexray = "rexray".equals(volumeDriver);
        labels.given(MesosLabelSchema.REXRAY_PREEMPT).filter(v -> !rexray).ifPresent(v -> violations.add(
                Labels.describe(MesosLabelSchema.REXRAY_PREEMPT, v, "only used with volume_driver rexray, but "
                        + "the template's volume_driver is " + (volumeDriver.isEmpty() ? "unset" : volumeDriver))));
        if (rexray && !agentHasDockerVolumes) {
            violations.add(Labels.describe(MesosLabelSchema.CONTAINERIZERS,
                    labels.given(MesosLabelSchema.CONTAINERIZERS).orElse(""), "volume_driver rexray serves Docker "
                            + "volumes: add docker to the containerizers or docker/volume to " + MesosLabelSchema.ISOLATION));
        }
        if (repoUrl.isEmpty()) {
            for (String label : List.of(MesosLabelSchema.REPO_SUITE, MesosLabelSchema.REPO_KEY_URL)) {
                labels.given(label).filter(v -> !v.isEmpty()).ifPresent(v -> violations.add(Labels.describe(label,
                        v, "describes a package repository, but neither " + MesosLabelSchema.REPO_URL
                                + " nor the service's mesos_repo_url names one")));
            }
        }
        proxy("http_proxy", template.httpProxy(), MesosValueChecks.httpUrl()).ifPresent(violations::add);
        proxy("https_proxy", template.httpsProxy(), MesosValueChecks.httpUrl()).ifPresent(violations::add);
        proxy("no_proxy", template.noProxy(), ValueChecks.pattern("[A-Za-z0-9.,:/*_-]{1,1024}",
                "must be a comma list of hosts, domains or CIDRs (letters, digits, '.', ',', ':', '/', '*', '_', '-')"))
                .ifPresent(violations::add);
        return violations;
    }

    private static Optional<String> proxy(String field, String value, ValueCheck check) {
        if (value == null || value.isEmpty()) {
            return Optional.empty();
        }
        return check.problem(value).map(p -> field + " '" + value + "' is not allowed: " + p);
    }
}
