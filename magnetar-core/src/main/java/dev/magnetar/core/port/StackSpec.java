package dev.magnetar.core.port;

import java.util.Map;
import java.util.Objects;

/**
 * Everything Heat needs to build a cluster's stack, as a driver renders it.
 *
 * @param template    the top-level HOT document (YAML text)
 * @param files       nested templates and script fragments by the name the template uses in
 *                    {@code get_file} or {@code type:}
 * @param environment the environment document (YAML text: {@code resource_registry}, {@code parameter_defaults})
 * @param parameters  parameter values, rendered as Heat accepts them (strings, numbers, lists)
 */
public record StackSpec(String template, Map<String, String> files, String environment,
                        Map<String, Object> parameters) {

    public StackSpec {
        Objects.requireNonNull(template, "template");
        files = files == null ? Map.of() : Map.copyOf(files);
        environment = environment == null ? "" : environment;
        parameters = parameters == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(parameters));
    }
}
