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
 * The package repositories a cluster's Cosmos should list, in priority order (the first is searched first), read
 * from {@code dcos_package_repositories=name1=https://...;name2=http://...}, the label that keeps DC/OS's public
 * Universe after them, and the cluster's own local Universe first. Cosmos' model is a list of {@code {name, uri}}
 * where both are unique (docs/reference/dcos-facts.md#cosmos-package-api names it as {@code
 * /package/repository/list|add|delete}; docs/dcos-driver.md, "Using your cluster").
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

    /** The name the cluster's local Universe (served by its bootstrap server) is listed under. */
    public static final String LOCAL_UNIVERSE_NAME = "local-universe";

    /**
     * One repository as Cosmos lists it.
     *
     * @param uri null for the local Universe, whose address only the nodes know: the masters add it,
     *            at the bootstrap server's private address, and any URI under its name is accepted
     */
    public record Repository(String name, String uri) {

        /** Whether a listed repository is this wanted one. */
        public boolean matches(Repository listed) {
            return name.equals(listed.name()) && (uri == null || uri.equals(listed.uri()));
        }
    }

    /**
     * What a cluster asks Cosmos to list, or empty when its labels leave the list to DC/OS (neither
     * {@code dcos_package_repositories} nor a local Universe): Magnetar then changes nothing.
     */
    public static Optional<List<Repository>> wanted(Labels labels) {
        Optional<String> listed = labels.given(DcosLabelSchema.DCOS_PACKAGE_REPOSITORIES);
        boolean local = labels.given(DcosLabelSchema.DCOS_LOCAL_UNIVERSE_URL).isPresent();
        if (listed.isEmpty() && !local) {
            return Optional.empty();
        }
        List<Repository> wanted = new ArrayList<>();
        if (local) {
            wanted.add(new Repository(LOCAL_UNIVERSE_NAME, null));
        }
        listed.ifPresent(value -> wanted.addAll(parse(value)));
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

    /** Where a local Universe file or its artefacts come from: an http(s) URL or an absolute path on the image. */
    public static ValueCheck source() {
        ValueCheck url = DcosValueChecks.httpUrl();
        ValueCheck path = DcosValueChecks.absolutePath();
        return v -> v.startsWith("/") ? path.problem(v)
                : url.problem(v).map(p -> "must be an http:// or https:// URL with a host, no query, fragment, "
                + "quotes or spaces, or an absolute path on the image");
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
        boolean local = labels.given(DcosLabelSchema.DCOS_LOCAL_UNIVERSE_URL).isPresent();
        labels.given(DcosLabelSchema.DCOS_PACKAGE_REPOSITORIES_KEEP_DEFAULT).filter(v -> !listed && !local)
                .ifPresent(v -> violations.add(Labels.describe(DcosLabelSchema.DCOS_PACKAGE_REPOSITORIES_KEEP_DEFAULT,
                        v, "only used with dcos_package_repositories or dcos_local_universe_url; without them "
                                + "Magnetar leaves DC/OS's repository list as DC/OS ships it")));
        labels.given(DcosLabelSchema.DCOS_LOCAL_UNIVERSE_ARTIFACTS_URL).filter(v -> !local)
                .ifPresent(v -> violations.add(Labels.describe(DcosLabelSchema.DCOS_LOCAL_UNIVERSE_ARTIFACTS_URL,
                        v, "only used with dcos_local_universe_url")));
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
            if (local && r.name().equals(LOCAL_UNIVERSE_NAME)) {
                violations.add(Labels.describe(DcosLabelSchema.DCOS_PACKAGE_REPOSITORIES, value, "the name '"
                        + LOCAL_UNIVERSE_NAME + "' is the cluster's local Universe (dcos_local_universe_url)"));
            }
        }
        return violations;
    }
}
