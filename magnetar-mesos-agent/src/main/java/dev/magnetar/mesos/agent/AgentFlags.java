package dev.magnetar.mesos.agent;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The containerizer flags of one Mesos 1.11 agent, already parsed: the configuration the
 * cross-flag rules ({@link AgentFlagRules}) judge. Drivers build the <em>effective</em> flags
 * (their distribution's defaults with the user's labels applied) and check those, because a rule
 * like "posix launcher forbids cgroups" depends on flags the user never typed.
 *
 * @param executorEnvironmentVariables the executors' environment; empty leaves the flag unset
 * @param workDir                      absolute path; {@code null} if unset (Mesos refuses to start)
 */
public record AgentFlags(List<Containerizer> containerizers, List<String> isolation, Launcher launcher,
                         List<ImageProvider> imageProviders, Map<String, String> executorEnvironmentVariables,
                         String workDir) {

    /** Mesos 1.11's own defaults on a Linux host where the agent runs as root. */
    public static final AgentFlags MESOS_1_11_DEFAULTS = new AgentFlags(List.of(Containerizer.MESOS),
            List.of("posix/cpu", "posix/mem"), Launcher.LINUX, List.of(), Map.of(), null);

    public AgentFlags {
        containerizers = List.copyOf(containerizers);
        isolation = List.copyOf(isolation);
        imageProviders = List.copyOf(imageProviders);
        executorEnvironmentVariables = java.util.Collections.unmodifiableMap(
                new LinkedHashMap<>(executorEnvironmentVariables));
    }

    public AgentFlags withContainerizers(List<Containerizer> value) {
        return new AgentFlags(value, isolation, launcher, imageProviders, executorEnvironmentVariables, workDir);
    }

    public AgentFlags withIsolation(List<String> value) {
        return new AgentFlags(containerizers, value, launcher, imageProviders, executorEnvironmentVariables, workDir);
    }

    public AgentFlags withLauncher(Launcher value) {
        return new AgentFlags(containerizers, isolation, value, imageProviders, executorEnvironmentVariables, workDir);
    }

    public AgentFlags withImageProviders(List<ImageProvider> value) {
        return new AgentFlags(containerizers, isolation, launcher, value, executorEnvironmentVariables, workDir);
    }

    public AgentFlags withExecutorEnvironmentVariables(Map<String, String> value) {
        return new AgentFlags(containerizers, isolation, launcher, imageProviders, value, workDir);
    }

    public AgentFlags withWorkDir(String value) {
        return new AgentFlags(containerizers, isolation, launcher, imageProviders, executorEnvironmentVariables, value);
    }

    /** The flags as Mesos spells them on its command line ({@code isolation} to {@code cgroups/all,...}). */
    public Map<String, String> asFlags() {
        Map<String, String> flags = new LinkedHashMap<>();
        flags.put(AgentFlagNames.CONTAINERIZERS,
                containerizers.stream().map(Containerizer::flagValue).collect(Collectors.joining(",")));
        flags.put(AgentFlagNames.ISOLATION, String.join(",", isolation));
        flags.put(AgentFlagNames.LAUNCHER, launcher.flagValue());
        if (!imageProviders.isEmpty()) {
            flags.put(AgentFlagNames.IMAGE_PROVIDERS,
                    imageProviders.stream().map(ImageProvider::flagValue).collect(Collectors.joining(",")));
        }
        if (!executorEnvironmentVariables.isEmpty()) {
            flags.put(AgentFlagNames.EXECUTOR_ENVIRONMENT_VARIABLES,
                    ExecutorEnvironment.toJson(executorEnvironmentVariables));
        }
        if (workDir != null) {
            flags.put(AgentFlagNames.WORK_DIR, workDir);
        }
        return flags;
    }
}
