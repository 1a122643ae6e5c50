package dev.magnetar.cli;

import picocli.CommandLine.IDefaultValueProvider;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;

import java.util.Map;

/**
 * Environment variables as defaults of the root options, read from an injected map so that tests
 * need not touch the process environment. Options of the same name on subcommands (such as
 * {@code quotas-show --project-id}) are left alone.
 */
final class EnvironmentDefaults implements IDefaultValueProvider {

    private static final Map<String, String> VARIABLES = Map.of(
            "--url", "MAGNETAR_URL",
            "--os-token", "OS_TOKEN",
            "--project-id", "MAGNETAR_PROJECT_ID",
            "--roles", "MAGNETAR_ROLES",
            "--poll-interval", "MAGNETAR_POLL_INTERVAL");

    private final Object root;
    private final Map<String, String> environment;

    EnvironmentDefaults(Object root, Map<String, String> environment) {
        this.root = root;
        this.environment = Map.copyOf(environment);
    }

    @Override
    public String defaultValue(ArgSpec argSpec) {
        if (!(argSpec instanceof OptionSpec option) || argSpec.command() == null
                || argSpec.command().userObject() != root) {
            return null;
        }
        String variable = VARIABLES.get(option.longestName());
        String value = variable == null ? null : environment.get(variable);
        return value == null || value.isBlank() ? null : value;
    }
}
