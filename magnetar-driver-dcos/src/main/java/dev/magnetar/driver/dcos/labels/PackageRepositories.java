package dev.magnetar.driver.dcos.labels;

import dev.magnetar.driver.kit.labels.Labels;
import dev.magnetar.driver.kit.labels.ValueCheck;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The package repositories a cluster's Cosmos should list, in priority order (the first is searched
 * first), read from {@code dcos_package_repositories=name1=https://...;name2=http://...} and the
 * label that keeps DC/OS's public Universe after them. Cosmos' model is
 * a list of {@code {name, uri}} where both are unique ({@code dcos-mesos.md} §4.2 names it as
 * {@code /package/repository/list|add|delete}; docs/dcos-driver.md, "Using your cluster").
 */
public final class PackageRepositories {

    /** At most this many repositories of the user's own: each one is fetched by Cosmos and checked by the monitor. */
    public static final int MAX_REPOSITORIES = 16;
    /** DC/OS's built-in default, as Cosmos ships it (dcos/cosmos default-repositories.json). */
    public static final Repository PUBLIC_UNIVERSE = new Repository("Universe", "https://universe.mesosphere.com/repo");

    static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
    private static final String NAME_RULE = "a repository name is 1 to 64 letters, digits, '.', '_' or '-', "
            + "starting with a letter or digit";

    private PackageRepositories() {
    }

    /** One repository as Cosmos lists it. */
    public record Repository(String name, String uri) {
    }

    /**
     * What a cluster asks Cosmos to list, or empty when its labels leave the list to DC/OS (no
     * {@code dcos_package_repositories}): Magnetar then changes nothing.
     */
    public static Optional<List<Repository>> wanted(Labels labels) {
        Optional<String> listed = labels.given(DcosLabelSchema.DCOS_PACKAGE_REPOSITORIES);
        if (listed.isEmpty()) {
            return Optional.empty();
        }
        List<Repository> wanted = new ArrayList<>(parse(listed.get()));
        if (labels.flag(DcosLabelSchema.DCOS_PACKAGE_REPOSITORIES_KEEP_DEFAULT)) {
            wanted.add(PUBLIC_UNIVERSE);
        }
        return Optional.of(List.copyOf(wanted));
    }

    /** The entries of a value that {@link #check()} accepted. */
    public static List<Repository> parse(String value) {
        List<Repository> repositories = new ArrayList<>();
        for (String entry : value.split(";", -1)) {
            int eq = entry.indexOf('=');
            repositories.add(new Repository(entry.substring(0, eq).trim(), entry.substring(eq + 1).trim()));
        }
        return repositories;
    }

    /** The value's own rules: entries, names, http(s) URLs, duplicates and count. */
    public static ValueCheck check() {
        ValueCheck url = DcosValueChecks.httpUrl();
        return value -> {
            List<String> problems = new ArrayList<>();
            String[] entries = value.split(";", -1);
            if (value.isBlank()) {
                return Optional.of("must list at least one repository as name=URL (separate several with ';')");
            }
            if (entries.length > MAX_REPOSITORIES) {
                problems.add("lists " + entries.length + " repositories; at most " + MAX_REPOSITORIES + " are allowed");
            }
            Set<String> names = new HashSet<>();
            Set<String> uris = new HashSet<>();
            for (String raw : entries) {
                String entry = raw.trim();
                int eq = entry.indexOf('=');
                if (eq <= 0) {
                    problems.add("entry '" + entry + "' is not name=URL");
                    continue;
                }
                String name = entry.substring(0, eq).trim();
                String uri = entry.substring(eq + 1).trim();
                if (!NAME.matcher(name).matches()) {
                    problems.add("repository name '" + name + "' is not allowed: " + NAME_RULE);
                } else if (!names.add(name)) {
                    problems.add("repository name '" + name + "' is listed twice (Cosmos names are unique)");
                }
                Optional<String> badUrl = uri.contains(",")
                        ? Optional.of("must not contain ',' (the label separator)") : url.problem(uri);
                if (badUrl.isPresent()) {
                    problems.add("repository '" + name + "' URL '" + uri + "' " + badUrl.get());
                } else if (!uris.add(uri)) {
                    problems.add("repository URL '" + uri + "' is listed twice (Cosmos URIs are unique)");
                }
            }
            return problems.isEmpty() ? Optional.empty() : Optional.of(String.join("; ", problems));
        };
    }

    /**
     * The rules between the repository labels: the public Universe's name and URL when it is kept,
     * and the default flag given with nothing to keep it beside.
     */
    public static List<String> crossCheck(Labels labels) {
        List<String> violations = new ArrayList<>();
        boolean listed = labels.given(DcosLabelSchema.DCOS_PACKAGE_REPOSITORIES).isPresent();
        labels.given(DcosLabelSchema.DCOS_PACKAGE_REPOSITORIES_KEEP_DEFAULT).filter(v -> !listed)
                .ifPresent(v -> violations.add(Labels.describe(DcosLabelSchema.DCOS_PACKAGE_REPOSITORIES_KEEP_DEFAULT,
                        v, "only used with dcos_package_repositories; without it Magnetar leaves DC/OS's "
                                + "repository list as DC/OS ships it")));
        if (!listed || check().problem(labels.given(DcosLabelSchema.DCOS_PACKAGE_REPOSITORIES).get()).isPresent()) {
            return violations;
        }
        String value = labels.given(DcosLabelSchema.DCOS_PACKAGE_REPOSITORIES).get();
        boolean keepDefault = labels.flag(DcosLabelSchema.DCOS_PACKAGE_REPOSITORIES_KEEP_DEFAULT);
        for (Repository r : parse(value)) {
            if (keepDefault && (r.name().equals(PUBLIC_UNIVERSE.name()) || r.uri().equals(PUBLIC_UNIVERSE.uri()))) {
                violations.add(Labels.describe(DcosLabelSchema.DCOS_PACKAGE_REPOSITORIES, value, "repository '"
                        + r.name() + "' collides with DC/OS's public Universe, which "
                        + DcosLabelSchema.DCOS_PACKAGE_REPOSITORIES_KEEP_DEFAULT + "=true already lists"));
            }
        }
        return violations;
    }
}
