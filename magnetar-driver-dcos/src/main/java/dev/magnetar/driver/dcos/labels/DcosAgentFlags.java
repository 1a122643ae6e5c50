package dev.magnetar.driver.dcos.labels;

import dev.magnetar.driver.kit.labels.Labels;
import dev.magnetar.mesos.agent.AgentFlagNames;
import dev.magnetar.mesos.agent.AgentFlagReader;
import dev.magnetar.mesos.agent.AgentFlagRules;
import dev.magnetar.mesos.agent.AgentFlags;
import dev.magnetar.mesos.agent.ExecutorEnvironment;
import dev.magnetar.mesos.agent.ImageProvider;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The agent configuration a DC/OS agent will really run with: DC/OS 2.2's own flags with the
 * agent-flag labels applied (isolators <em>added</em>, the rest replaced), judged by Mesos 1.11's
 * cross-flag rules, and the variables that must go into {@code /var/lib/dcos/mesos-slave-common}
 * to get there (only those that differ from what DC/OS writes itself).
 *
 * @param overrides environment variable to value, in flag order
 */
public record DcosAgentFlags(AgentFlags effective, Map<String, String> overrides, List<String> violations) {

    public static final String FILE = "/var/lib/dcos/mesos-slave-common";

    public static DcosAgentFlags from(Labels labels) {
        AgentFlagReader reader = new AgentFlagReader(DcosAgentDefaults.CATALOG);
        AgentFlags flags = DcosAgentDefaults.FLAGS;
        Map<String, String> overrides = new LinkedHashMap<>();
        Set<String> isolation = new LinkedHashSet<>(flags.isolation());
        labels.given(DcosLabelSchema.ISOLATION).ifPresent(v -> isolation.addAll(reader.isolation("isolation", v)));
        if (!isolation.equals(new LinkedHashSet<>(flags.isolation()))) {
            flags = flags.withIsolation(new ArrayList<>(isolation));
            overrides.put(env(AgentFlagNames.ISOLATION), String.join(",", isolation));
        }
        var launcher = labels.given(DcosLabelSchema.LAUNCHER).flatMap(v -> reader.launcher("launcher", v));
        if (launcher.isPresent()) {
            flags = flags.withLauncher(launcher.get());
            overrides.put(env(AgentFlagNames.LAUNCHER), launcher.get().flagValue());
        }
        var providers = labels.given(DcosLabelSchema.IMAGE_PROVIDERS)
                .map(v -> reader.imageProviders("image_providers", v));
        if (providers.isPresent()) {
            flags = flags.withImageProviders(providers.get());
            overrides.put(env(AgentFlagNames.IMAGE_PROVIDERS),
                    providers.get().stream().map(ImageProvider::flagValue).collect(Collectors.joining(",")));
        }
        var environment = labels.given(DcosLabelSchema.EXECUTOR_ENVIRONMENT_VARIABLES)
                .flatMap(v -> reader.executorEnvironmentVariables("executor_environment_variables", v));
        if (environment.isPresent()) {
            flags = flags.withExecutorEnvironmentVariables(environment.get());
            overrides.put(env(AgentFlagNames.EXECUTOR_ENVIRONMENT_VARIABLES),
                    ExecutorEnvironment.toJson(environment.get()));
        }
        labels.given(DcosLabelSchema.DCOS_MESOS_ATTRIBUTES).ifPresent(v -> overrides.put("MESOS_ATTRIBUTES", v));
        List<String> violations = new ArrayList<>();
        reader.violations().forEach(v -> violations.add(Labels.describe(v.flag(), v.value(), v.rule())));
        new AgentFlagRules(DcosAgentDefaults.CATALOG).check(flags).forEach(v -> violations.add(Labels.describe(
                v.flag(), v.value(), v.rule() + " (judged on DC/OS's agent flags with the labels applied)")));
        return new DcosAgentFlags(flags, overrides, violations);
    }

    private static String env(String flag) {
        return AgentFlagNames.environmentVariable(flag);
    }
}
