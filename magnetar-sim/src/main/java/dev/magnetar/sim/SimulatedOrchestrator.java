package dev.magnetar.sim;

import dev.magnetar.core.port.Orchestrator;
import dev.magnetar.core.port.OrchestratorException;
import dev.magnetar.core.port.Stack;
import dev.magnetar.core.port.StackAction;
import dev.magnetar.core.port.StackCredential;
import dev.magnetar.core.port.StackRequest;
import dev.magnetar.core.port.StackPhase;
import dev.magnetar.core.port.StackResource;
import dev.magnetar.core.port.StackStatus;
import dev.magnetar.core.port.StackSpec;
import dev.magnetar.core.port.StackUpdate;
import dev.magnetar.sim.hot.HotException;
import dev.magnetar.sim.hot.HotLinter;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An in-process Heat for the embedded default, demos, benchmarks and fault injection. It runs the
 * HOT subset our drivers use, moves stacks through Heat's statuses as its clock advances (status
 * is computed when a stack is read, so no threads are involved), hands out stable fake addresses,
 * and fails where {@link Faults} say. It refuses any template {@link HotLinter} finds fault with.
 * With a state directory, stacks survive a restart of the process.
 */
public final class SimulatedOrchestrator implements Orchestrator {

    private static final String DESCRIPTION = "SIMULATED Heat (magnetar-sim): an in-process stand-in, no OpenStack";

    private final Clock clock;
    private final Faults faults;
    private final StackPlanner planner;
    private final HotLinter linter = new HotLinter();
    private final StackFiles files;
    private final Map<String, StackState> stacks = new ConcurrentHashMap<>();
    /** Stacks someone asked about in {@link #whenSettled}, by id and settling instant, so each is told once. */
    private final Map<String, Instant> watched = new ConcurrentHashMap<>();
    private volatile java.util.concurrent.ScheduledExecutorService watcher;

    /**
     * @param stateDirectory where stacks are kept across restarts; null to keep them in memory only
     */
    public SimulatedOrchestrator(Clock clock, DurationProfile profile, Faults faults, Path stateDirectory) {
        this.clock = clock;
        this.faults = faults;
        this.planner = new StackPlanner(profile, faults);
        this.files = stateDirectory == null ? null : new StackFiles(stateDirectory);
        if (files != null) {
            stacks.putAll(files.load());
        }
    }

    /** In memory, with faults of its own. */
    public static SimulatedOrchestrator inMemory(Clock clock, DurationProfile profile) {
        return new SimulatedOrchestrator(clock, profile, new Faults(clock), null);
    }

    /** Says what this is, for logs, banners and health pages. */
    public String describe() {
        return DESCRIPTION + ", " + stacks.size() + " stack(s)" + (files == null ? ", in memory" : ", persisted");
    }

    public Faults faults() {
        return faults;
    }

    @Override
    public String create(StackRequest request) {
        faults.beforeCall();
        List<String> problems = linter.lint(request.spec());
        if (!problems.isEmpty()) {
            throw new OrchestratorException(OrchestratorException.Kind.REJECTED, String.join("; ", problems));
        }
        synchronized (this) {
            Instant now = clock.instant();
            StackState existing = stacks.get(request.name());
            if (existing != null && !existing.goneAt(now)) {
                throw new OrchestratorException(OrchestratorException.Kind.CONFLICT,
                        "The Stack (" + request.name() + ") already exists.");
            }
            String id = UUID.randomUUID().toString();
            StackPlanner.Plan plan = rejectingInvalid(() -> planner.createOrUpdate("CREATE", request.name(), id,
                    request.spec(), request.spec().parameters(), now, request.timeoutMinutes(),
                    request.disableRollback(), 1, StackState.Snapshot.EMPTY));
            store(new StackState(id, request.name(), request.spec(), request.timeoutMinutes(),
                    request.disableRollback(), 1, plan.operation(), plan.snapshot(), null));
            return id;
        }
    }

    @Override
    public Optional<Stack> find(String name, StackCredential credential) {
        faults.beforeCall();
        StackState stack = stacks.get(name);
        if (stack == null) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        if (stack.goneAt(now)) {
            purge(stack);
            return Optional.empty();
        }
        return Optional.of(stack.viewAt(now));
    }

    @Override
    public void update(String name, String id, StackUpdate update, StackCredential credential) {
        faults.beforeCall();
        synchronized (this) {
            Instant now = clock.instant();
            StackState stack = existing(name, id, now);
            StackStatus status = stack.statusAt(now);
            if (status.isInProgress() || status.action() == StackAction.DELETE) {
                throw new OrchestratorException(OrchestratorException.Kind.CONFLICT,
                        "Stack " + name + " is " + status + "; it cannot be updated now.");
            }
            StackState settled = stack.settledAt(now);
            // A new template comes with all its parameters, as Heat's PUT does; otherwise the given ones stay.
            StackSpec spec = update.template().orElse(stack.spec());
            Map<String, Object> given = new LinkedHashMap<>(
                    update.template().isPresent() ? Map.of() : settled.current().given());
            given.putAll(update.changedParameters());
            int timeout = update.timeoutMinutes() > 0 ? update.timeoutMinutes() : stack.timeoutMinutes();
            int serial = stack.serial() + 1;
            StackPlanner.Plan plan = rejectingInvalid(() -> planner.createOrUpdate("UPDATE", name, stack.id(),
                    spec, given, now, timeout, update.disableRollback(), serial, settled.current()));
            store(new StackState(stack.id(), name, spec, timeout, update.disableRollback(), serial,
                    plan.operation(), plan.snapshot(), settled.current()));
        }
    }

    @Override
    public void delete(String name, String id, StackCredential credential) {
        faults.beforeCall();
        synchronized (this) {
            Instant now = clock.instant();
            StackState stack = stacks.get(name);
            if (stack == null || (id != null && !id.equals(stack.id())) || stack.goneAt(now)
                    || stack.statusAt(now).is(StackAction.DELETE, StackPhase.IN_PROGRESS)) {
                return;
            }
            int serial = stack.serial() + 1;
            StackPlanner.Plan plan = planner.delete(stack.visibleAt(now), now, stack.timeoutMinutes(), serial);
            store(new StackState(stack.id(), name, stack.spec(), stack.timeoutMinutes(), true, serial,
                    plan.operation(), plan.snapshot(), null));
        }
    }

    @Override
    public List<StackResource> resources(String name, String id, int nestedDepth, StackCredential credential) {
        faults.beforeCall();
        Instant now = clock.instant();
        StackState stack = existing(name, id, now);
        return stack.visibleAt(now).resources().stream()
                .filter(r -> r.depth() <= nestedDepth && !r.goneAt(now))
                .sorted(Comparator.comparing(ResourceState::path))
                .map(r -> new StackResource(r.path(), r.type(), r.statusAt(now), r.reasonAt(now)))
                .toList();
    }

    private StackState existing(String name, String id, Instant now) {
        StackState stack = stacks.get(name);
        if (stack == null || (id != null && !id.equals(stack.id())) || stack.goneAt(now)) {
            throw new OrchestratorException(OrchestratorException.Kind.NOT_FOUND, "The Stack (" + name + ") could not be found.");
        }
        return stack;
    }

    private static StackPlanner.Plan rejectingInvalid(java.util.function.Supplier<StackPlanner.Plan> planning) {
        try {
            return planning.get();
        } catch (HotException e) {
            throw new OrchestratorException(OrchestratorException.Kind.REJECTED, e.getMessage());
        }
    }

    /**
     * Tells {@code settled} when the stack's action in flight settles, by this simulator's timeline
     * (measured on the wall clock from now, whatever this simulator's clock is); nothing when it has
     * settled already (the caller sees that itself). Each settling of a stack is told once, however
     * often it is asked about.
     */
    @Override
    public void whenSettled(String name, String id, Runnable settled) {
        StackState stack = stacks.get(name);
        if (stack == null || !stack.id().equals(id)) {
            return;
        }
        StackState.Operation op = stack.operation();
        Instant at = op.rollbackEndAt() != null ? op.rollbackEndAt() : op.endAt();
        if (!at.isAfter(clock.instant()) || at.equals(watched.put(id, at))) {
            return; // already watched for this settling
        }
        long delay = Math.max(0, Duration.between(clock.instant(), at).toMillis());
        watcher().schedule(() -> {
            watched.remove(id, at);
            settled.run();
        }, delay, java.util.concurrent.TimeUnit.MILLISECONDS);
    }

    private java.util.concurrent.ScheduledExecutorService watcher() {
        java.util.concurrent.ScheduledExecutorService current = watcher;
        if (current == null) {
            synchronized (this) {
                if (watcher == null) {
                    java.util.concurrent.ScheduledThreadPoolExecutor made =
                            new java.util.concurrent.ScheduledThreadPoolExecutor(1, runnable -> {
                                Thread thread = new Thread(runnable, "sim-stack-watch");
                                thread.setDaemon(true);
                                return thread;
                            });
                    made.setRemoveOnCancelPolicy(true);
                    made.setKeepAliveTime(5, java.util.concurrent.TimeUnit.SECONDS);
                    made.allowCoreThreadTimeOut(true);   // no thread left behind by an idle simulator
                    watcher = made;
                }
                current = watcher;
            }
        }
        return current;
    }

    private void store(StackState stack) {
        if (files != null) {
            files.save(stack);
        }
        stacks.put(stack.name(), stack);
    }

    private synchronized void purge(StackState stack) {
        if (stacks.remove(stack.name(), stack) && files != null) {
            files.remove(stack);
        }
    }

    @Override
    public String toString() {
        return describe();
    }
}
