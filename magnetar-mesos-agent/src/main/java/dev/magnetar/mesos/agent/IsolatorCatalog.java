package dev.magnetar.mesos.agent;

import dev.magnetar.mesos.agent.Isolator.Family;
import dev.magnetar.mesos.agent.Isolator.Requirement;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static dev.magnetar.mesos.agent.Isolator.Requirement.CGROUPS_DEVICES;
import static dev.magnetar.mesos.agent.Isolator.Requirement.FILESYSTEM_LINUX;
import static dev.magnetar.mesos.agent.Isolator.Requirement.LINUX_LAUNCHER;

/**
 * The isolator names an agent accepts: Mesos 1.11's built-in table ({@code creators} in
 * {@code containerizer.cpp}), its deprecated aliases, and any module isolators the agent loads.
 * Kept as data so the rules, the docs and the tests read the same table.
 */
public final class IsolatorCatalog {

    /** Deprecated names Mesos rewrites (with a warning) to their current ones. */
    public static final Map<String, List<String>> DEPRECATED_ALIASES = Map.of(
            "process", List.of("posix/cpu", "posix/mem"),
            "cgroups", List.of("cgroups/cpu", "cgroups/mem"),
            "posix/disk", List.of("disk/du"));

    /** Mesos 1.11.0's built-in isolators. */
    public static final IsolatorCatalog MESOS_1_11 = new IsolatorCatalog(builtIns());

    private final Map<String, Isolator> byName;
    private final List<Isolator> ordered;

    private IsolatorCatalog(Collection<Isolator> isolators) {
        Map<String, Isolator> map = new LinkedHashMap<>();
        isolators.forEach(i -> map.put(i.name(), i));
        this.byName = Map.copyOf(map);
        this.ordered = List.copyOf(isolators);
    }

    /** This catalogue plus module isolators the agent loads with {@code --modules}. */
    public IsolatorCatalog withModules(Collection<String> moduleIsolators) {
        List<Isolator> all = new ArrayList<>(ordered);
        moduleIsolators.forEach(m -> all.add(new Isolator(m, Family.MODULE, Set.of(), "loaded with --modules")));
        return new IsolatorCatalog(all);
    }

    public Optional<Isolator> find(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    public Isolator get(String name) {
        return find(name).orElseThrow(() -> new IllegalArgumentException("unknown isolator " + name));
    }

    /** Every accepted name, in table order (for messages and docs). */
    public List<Isolator> all() {
        return ordered;
    }

    public List<String> names() {
        return ordered.stream().map(Isolator::name).toList();
    }

    /**
     * Reads an {@code --isolation} value as Mesos does: comma separated, aliases rewritten to their
     * current names, duplicates and unknown names refused.
     *
     * @param flag the name to report violations under (a driver may use its label's name)
     */
    public IsolationList parse(String flag, String value) {
        List<FlagViolation> violations = new ArrayList<>();
        Map<String, String> rewritten = new LinkedHashMap<>();
        Set<String> names = new LinkedHashSet<>();
        if (value == null || value.isEmpty()) {
            return new IsolationList(List.of(), Map.of(), List.of());
        }
        for (String item : value.split(",", -1)) {
            if (item.isEmpty()) {
                violations.add(new FlagViolation(flag, value, "empty isolator name in the comma-separated list"));
                continue;
            }
            List<String> current = DEPRECATED_ALIASES.get(item);
            if (current != null) {
                rewritten.put(item, String.join(",", current));
            }
            for (String name : current == null ? List.of(item) : current) {
                if (!byName.containsKey(name)) {
                    violations.add(new FlagViolation(flag, name,
                            "unknown or unsupported isolator; Mesos 1.11 accepts " + String.join(", ", names())
                                    + " (deprecated aliases " + String.join(", ", DEPRECATED_ALIASES.keySet().stream()
                                    .sorted().toList()) + " are rewritten)"));
                } else if (!names.add(name)) {
                    violations.add(new FlagViolation(flag, name, "isolator listed twice; duplicates are an error"));
                }
            }
        }
        return new IsolationList(List.copyOf(names), rewritten, violations);
    }

    /**
     * The result of reading an isolation list.
     *
     * @param isolators current names, in the order given, without duplicates
     * @param rewritten deprecated alias to what it was rewritten to
     */
    public record IsolationList(List<String> isolators, Map<String, String> rewritten,
                                List<FlagViolation> violations) {
        public IsolationList {
            isolators = List.copyOf(isolators);
            rewritten = Map.copyOf(rewritten);
            violations = List.copyOf(violations);
        }
    }

    private static List<Isolator> builtIns() {
        List<Isolator> t = new ArrayList<>();
        one(t, Family.FILESYSTEM, "", "filesystem/posix");
        one(t, Family.FILESYSTEM, "", "filesystem/linux", LINUX_LAUNCHER);
        one(t, Family.FILESYSTEM, "deprecated; use filesystem/linux with volumes", "filesystem/shared",
                LINUX_LAUNCHER);
        one(t, Family.WINDOWS, "Windows agents only", "filesystem/windows");
        many(t, Family.RUNTIME, "", "posix/cpu", "posix/mem", "posix/rlimits");
        many(t, Family.WINDOWS, "Windows agents only", "windows/cpu", "windows/mem");
        for (String cgroup : List.of("all", "blkio", "cpu", "cpuset", "devices", "hugetlb", "mem", "net_cls",
                "net_prio", "perf_event", "pids")) {
            one(t, Family.CGROUPS, "all cgroups/* names share one isolator instance", "cgroups/" + cgroup,
                    LINUX_LAUNCHER);
        }
        many(t, Family.IMAGE_RUNTIME, "", "appc/runtime", "docker/runtime");
        one(t, Family.LINUX, "", "linux/devices", LINUX_LAUNCHER, FILESYSTEM_LINUX);
        one(t, Family.LINUX, "", "linux/capabilities");
        one(t, Family.LINUX, "needs kernel 3.5 or later", "linux/nnp");
        one(t, Family.LINUX, "seccomp builds only; needs --seccomp_config_dir", "linux/seccomp");
        one(t, Family.NAMESPACE, "", "namespaces/ipc", LINUX_LAUNCHER, FILESYSTEM_LINUX);
        one(t, Family.NAMESPACE, "", "namespaces/pid", LINUX_LAUNCHER, FILESYSTEM_LINUX);
        one(t, Family.VOLUME, "", "volume/sandbox_path");
        one(t, Family.VOLUME, "", "volume/host_path", LINUX_LAUNCHER, FILESYSTEM_LINUX);
        one(t, Family.VOLUME, "", "volume/image", FILESYSTEM_LINUX);
        one(t, Family.VOLUME, "", "volume/secret", FILESYSTEM_LINUX);
        one(t, Family.VOLUME, "", "volume/csi", FILESYSTEM_LINUX);
        one(t, Family.VOLUME, "", "docker/volume");
        one(t, Family.DISK, "", "disk/du");
        one(t, Family.DISK, "XFS builds only", "disk/xfs");
        one(t, Family.GPU, "needs NVML on the host", "gpu/nvidia", CGROUPS_DEVICES, FILESYSTEM_LINUX);
        one(t, Family.NETWORK, "", "network/cni");
        one(t, Family.NETWORK, "only in builds with --with-network-isolator", "network/port_mapping");
        one(t, Family.NETWORK_PORTS, "only in builds with --with-network-isolator", "network/ports",
                LINUX_LAUNCHER);
        one(t, Family.SECRET, "always added by Mesos", "environment_secret");
        return t;
    }

    private static void one(List<Isolator> table, Family family, String note, String name,
                            Requirement... requires) {
        table.add(new Isolator(name, family, Set.of(requires), note));
    }

    private static void many(List<Isolator> table, Family family, String note, String... names) {
        for (String name : names) {
            one(table, family, note, name);
        }
    }
}
