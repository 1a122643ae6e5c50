package dev.magnetar.mesos.agent;

import dev.magnetar.mesos.agent.Isolator.Family;
import dev.magnetar.mesos.agent.Isolator.Requirement;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The cross-flag rules Mesos 1.11 enforces when an agent starts ({@code containerizer.cpp} and each isolator's
 * {@code create()}; docs/reference/dcos-facts.md#mesos-agent-isolation-rules). Judged on the <em>effective</em>
 * flags, because an agent that exits at startup is a failed install no matter which flag the user typed.
 */
public final class AgentFlagRules {

    private final IsolatorCatalog catalog;

    public AgentFlagRules(IsolatorCatalog catalog) {
        this.catalog = catalog;
    }

    public List<FlagViolation> check(AgentFlags flags) {
        List<FlagViolation> violations = new ArrayList<>();
        List<Isolator> isolators = flags.isolation().stream().map(catalog::find)
                .flatMap(java.util.Optional::stream).toList();
        onlyOne(violations, isolators, Family.FILESYSTEM,
                "exactly one filesystem/* isolator is allowed (Mesos adds filesystem/posix when none is given)");
        onlyOne(violations, isolators, Family.NETWORK,
                "at most one network isolator is allowed on Linux (network/ports does not count)");
        isolators.stream().filter(i -> i.family() == Family.WINDOWS).forEach(i -> violations.add(new FlagViolation(
                AgentFlagNames.ISOLATION, i.name(), "is a Windows-only isolator; these agents run Linux")));
        requirements(violations, flags, isolators);
        imageProviders(violations, flags);
        if (flags.containerizers().isEmpty()) {
            violations.add(new FlagViolation(AgentFlagNames.CONTAINERIZERS, "",
                    "at least one containerizer (mesos, docker) is required"));
        }
        if (flags.workDir() == null) {
            violations.add(new FlagViolation(AgentFlagNames.WORK_DIR, "",
                    "is required; the agent refuses to start without it"));
        }
        return violations;
    }

    private static void onlyOne(List<FlagViolation> violations, List<Isolator> isolators, Family family,
                                String rule) {
        List<String> members = isolators.stream().filter(i -> i.family() == family).map(Isolator::name).toList();
        if (members.size() > 1) {
            violations.add(new FlagViolation(AgentFlagNames.ISOLATION, String.join(",", members), rule));
        }
    }

    private static void requirements(List<FlagViolation> violations, AgentFlags flags, List<Isolator> isolators) {
        Set<String> needLinuxLauncher = new LinkedHashSet<>();
        boolean filesystemLinux = flags.isolation().contains("filesystem/linux");
        boolean devices = flags.isolation().contains("cgroups/devices") || flags.isolation().contains("cgroups/all");
        for (Isolator isolator : isolators) {
            for (Requirement requirement : isolator.requires()) {
                switch (requirement) {
                    case LINUX_LAUNCHER -> {
                        if (flags.launcher() != Launcher.LINUX) {
                            needLinuxLauncher.add(isolator.name());
                        }
                    }
                    case FILESYSTEM_LINUX -> {
                        if (!filesystemLinux) {
                            violations.add(new FlagViolation(AgentFlagNames.ISOLATION, isolator.name(),
                                    "needs " + requirement.description() + " in the isolation list"));
                        }
                    }
                    case CGROUPS_DEVICES -> {
                        if (!devices) {
                            violations.add(new FlagViolation(AgentFlagNames.ISOLATION, isolator.name(),
                                    "needs " + requirement.description() + " in the isolation list"));
                        }
                    }
                }
            }
        }
        if (!needLinuxLauncher.isEmpty()) {
            violations.add(new FlagViolation(AgentFlagNames.LAUNCHER, flags.launcher().flagValue(),
                    "the isolators " + String.join(", ", needLinuxLauncher)
                            + " need the linux launcher (cgroups, namespaces and filesystem/linux cannot run under posix)"));
        }
    }

    private static void imageProviders(List<FlagViolation> violations, AgentFlags flags) {
        if (flags.imageProviders().isEmpty()) {
            return;
        }
        String providers = String.join(",", flags.imageProviders().stream().map(ImageProvider::flagValue).toList());
        if (!flags.isolation().contains("filesystem/linux")) {
            violations.add(new FlagViolation(AgentFlagNames.IMAGE_PROVIDERS, providers,
                    "container images need the filesystem/linux isolator"));
        }
        if (flags.launcher() != Launcher.LINUX) {
            violations.add(new FlagViolation(AgentFlagNames.IMAGE_PROVIDERS, providers,
                    "container images need the linux launcher, but --launcher is " + flags.launcher().flagValue()));
        }
        if (flags.imageProviders().contains(ImageProvider.DOCKER) && !flags.isolation().contains("docker/runtime")) {
            violations.add(new FlagViolation(AgentFlagNames.IMAGE_PROVIDERS, providers,
                    "the docker image provider needs the docker/runtime isolator; without it the agent exits at startup"));
        }
    }
}
