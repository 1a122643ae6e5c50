package dev.magnetar.driver.mesos.node;

import dev.magnetar.driver.kit.labels.Labels;
import dev.magnetar.driver.mesos.labels.MesosLabelSchema;
import dev.magnetar.mesos.agent.AgentFlagNames;
import dev.magnetar.mesos.agent.AgentFlagReader;
import dev.magnetar.mesos.agent.AgentFlagRules;
import dev.magnetar.mesos.agent.AgentFlags;
import dev.magnetar.mesos.agent.Containerizer;
import dev.magnetar.mesos.agent.IsolatorCatalog;
import dev.magnetar.mesos.agent.Launcher;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The flags a Mesos agent of this driver really starts with: Mesos 1.11's defaults, Magnum's
 * fixed choices (containerizers {@code docker,mesos}, executor registration timeout 5mins, a work
 * dir under /var/lib/mesos) and the labels applied on top, each <em>replacing</em> its flag as
 * Magnum's driver did. Judged whole by Mesos' cross-flag rules, because an agent that exits at
 * startup is a failed cluster whichever flag the user typed.
 *
 * @param environment the agent's environment file variables ({@code MESOS_<FLAG>}), in flag order
 */
public record MesosAgentFlags(AgentFlags effective, Map<String, String> environment, List<String> violations) {

    public static final IsolatorCatalog CATALOG = IsolatorCatalog.MESOS_1_11;

    /** What an agent runs with when no label is given. */
    public static final AgentFlags DEFAULTS = new AgentFlags(List.of(Containerizer.DOCKER, Containerizer.MESOS),
            AgentFlags.MESOS_1_11_DEFAULTS.isolation(), Launcher.LINUX, List.of(), Map.of(), "/var/lib/mesos/agent");
    public static final String DEFAULT_EXECUTOR_REGISTRATION_TIMEOUT = "5mins";

    /** The label each agent flag is set by, so a cross-flag violation names what the user can change. */
    private static final Map<String, String> LABEL_OF_FLAG = Map.of(
            AgentFlagNames.ISOLATION, MesosLabelSchema.ISOLATION,
            AgentFlagNames.IMAGE_PROVIDERS, MesosLabelSchema.IMAGE_PROVIDERS,
            AgentFlagNames.LAUNCHER, MesosLabelSchema.LAUNCHER,
            AgentFlagNames.CONTAINERIZERS, MesosLabelSchema.CONTAINERIZERS,
            AgentFlagNames.WORK_DIR, MesosLabelSchema.WORK_DIR,
            AgentFlagNames.EXECUTOR_ENVIRONMENT_VARIABLES, MesosLabelSchema.EXECUTOR_ENV);

    public static MesosAgentFlags from(Labels labels) {
        AgentFlagReader reader = new AgentFlagReader(CATALOG);
        AgentFlags flags = DEFAULTS;
        var isolation = labels.given(MesosLabelSchema.ISOLATION)
                .map(v -> reader.isolation(MesosLabelSchema.ISOLATION, v));
        if (isolation.isPresent()) {
            flags = flags.withIsolation(isolation.get());
        }
        var launcher = labels.given(MesosLabelSchema.LAUNCHER).flatMap(v -> reader.launcher(MesosLabelSchema.LAUNCHER, v));
        if (launcher.isPresent()) {
            flags = flags.withLauncher(launcher.get());
        }
        var providers = labels.given(MesosLabelSchema.IMAGE_PROVIDERS)
                .map(v -> reader.imageProviders(MesosLabelSchema.IMAGE_PROVIDERS, v));
        if (providers.isPresent()) {
            flags = flags.withImageProviders(providers.get());
        }
        var containerizers = labels.given(MesosLabelSchema.CONTAINERIZERS)
                .map(v -> reader.containerizers(MesosLabelSchema.CONTAINERIZERS, v));
        if (containerizers.isPresent()) {
            flags = flags.withContainerizers(containerizers.get());
        }
        var environment = labels.given(MesosLabelSchema.EXECUTOR_ENV)
                .flatMap(v -> reader.executorEnvironmentVariables(MesosLabelSchema.EXECUTOR_ENV, v));
        if (environment.isPresent()) {
            flags = flags.withExecutorEnvironmentVariables(environment.get());
        }
        var workDir = labels.given(MesosLabelSchema.WORK_DIR).flatMap(v -> reader.workDir(MesosLabelSchema.WORK_DIR, v));
        if (workDir.isPresent()) {
            flags = flags.withWorkDir(workDir.get());
        }
        List<String> violations = new ArrayList<>();
        reader.violations().forEach(v -> violations.add(Labels.describe(v.flag(), v.value(), v.rule())));
        new AgentFlagRules(CATALOG).check(flags).forEach(v -> violations.add(Labels.describe(
                LABEL_OF_FLAG.getOrDefault(v.flag(), v.flag()), v.value(),
                v.rule() + " (judged on the agent's effective flags: this driver's defaults with the labels applied)")));
        violations.addAll(containerizerRules(labels, flags));

        Map<String, String> env = new LinkedHashMap<>();
        flags.asFlags().forEach((flag, value) -> env.put(AgentFlagNames.environmentVariable(flag), value));
        env.put(AgentFlagNames.environmentVariable("executor_registration_timeout"),
                labels.givenOr(MesosLabelSchema.EXECUTOR_REGISTRATION_TIMEOUT, DEFAULT_EXECUTOR_REGISTRATION_TIMEOUT));
        // Validated by the schema (MesosAttributes, Mesos 1.11's parser); single-quoted by EnvironmentFile.
        labels.given(MesosLabelSchema.ATTRIBUTES).ifPresent(v -> env.put("MESOS_ATTRIBUTES", v));
        return new MesosAgentFlags(flags, env, violations);
    }

    /** Isolators and image providers belong to the Mesos containerizer; with docker alone they do nothing. */
    private static List<String> containerizerRules(Labels labels, AgentFlags flags) {
        List<String> violations = new ArrayList<>();
        if (flags.containerizers().contains(Containerizer.MESOS)) {
            return violations;
        }
        String containerizers = String.join(",", flags.containerizers().stream().map(Containerizer::flagValue).toList());
        for (String label : List.of(MesosLabelSchema.ISOLATION, MesosLabelSchema.IMAGE_PROVIDERS)) {
            labels.given(label).ifPresent(v -> violations.add(Labels.describe(label, v,
                    "only the mesos containerizer uses it, but " + MesosLabelSchema.CONTAINERIZERS + " is "
                            + containerizers)));
        }
        return violations;
    }

    /** Whether Docker volumes (REX-Ray) can be used by tasks on this agent. */
    public boolean dockerVolumes() {
        return effective.containerizers().contains(Containerizer.DOCKER) || effective.isolation().contains("docker/volume");
    }

}
