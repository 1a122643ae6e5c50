package dev.magnetar.sim;

import dev.magnetar.core.port.OrchestratorException;

import java.time.Clock;
import java.time.Duration;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The faults in force in one simulated cloud, by id. Resource faults are read when an action is
 * planned: a fault set now affects stacks created, updated or deleted from now on.
 */
public final class Faults {

    /** How latency is spent; tests pass one that records instead of sleeping. */
    @FunctionalInterface
    public interface Sleeper {
        void sleep(Duration duration) throws InterruptedException;
    }

    /** What a resource fault does to one resource's action. */
    public record ResourceOutcome(boolean stalls, String reason) {
    }

    private final Clock clock;
    private final Sleeper sleeper;
    private final Map<String, Fault> active = new LinkedHashMap<>();
    private int nextId = 1;

    public Faults(Clock clock) {
        this(clock, duration -> Thread.sleep(duration));
    }

    public Faults(Clock clock, Sleeper sleeper) {
        this.clock = clock;
        this.sleeper = sleeper;
    }

    /** Puts a fault in force; returns its id for {@link #remove}. */
    public synchronized String add(Fault fault) {
        String id = "fault-" + nextId++;
        active.put(id, fault);
        return id;
    }

    /** Makes the API unavailable for a window starting now. */
    public String apiUnavailableFor(Duration window) {
        return add(Fault.ApiUnavailable.until(clock.instant().plus(window)));
    }

    public synchronized boolean remove(String id) {
        return active.remove(id) != null;
    }

    public synchronized void clear() {
        active.clear();
    }

    /** The faults in force, by id, as of now (used-up ones are gone). */
    public synchronized Map<String, Fault> list() {
        return Map.copyOf(active);
    }

    /** Spends any injected latency, then throws if the API is made unavailable. */
    void beforeCall() {
        Duration latency = latency();
        if (!latency.isZero()) {
            try {
                sleeper.sleep(latency);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new OrchestratorException(OrchestratorException.Kind.TRANSIENT, "Interrupted", e);
            }
        }
        unavailable().ifPresent(message -> {
            throw new OrchestratorException(OrchestratorException.Kind.TRANSIENT, message);
        });
    }

    private synchronized Duration latency() {
        return active.values().stream().filter(Fault.Latency.class::isInstance)
                .map(f -> ((Fault.Latency) f).delay()).reduce(Duration.ZERO, Duration::plus);
    }

    private synchronized Optional<String> unavailable() {
        for (Iterator<Map.Entry<String, Fault>> it = active.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<String, Fault> entry = it.next();
            if (!(entry.getValue() instanceof Fault.ApiUnavailable outage)) {
                continue;
            }
            if (outage.calls() != null) {
                if (outage.calls() <= 1) {
                    it.remove();
                } else {
                    entry.setValue(new Fault.ApiUnavailable(outage.calls() - 1, outage.until(), outage.message()));
                }
                return Optional.of(outage.message());
            }
            if (clock.instant().isBefore(outage.until())) {
                return Optional.of(outage.message());
            }
            it.remove();
        }
        return Optional.empty();
    }

    /** What the faults do to this resource's action, if anything; a limited fault is used up by it. */
    synchronized Optional<ResourceOutcome> resource(String path, Fault.Action action) {
        for (Map.Entry<String, Fault> entry : active.entrySet()) {
            Fault fault = entry.getValue();
            if (fault instanceof Fault.FailResource fail && applies(fail.resource(), fail.action(), path, action)) {
                if (fail.times() != null) {
                    if (fail.times() <= 1) {
                        active.remove(entry.getKey());
                    } else {
                        entry.setValue(new Fault.FailResource(fail.resource(), fail.action(), fail.reason(), fail.times() - 1));
                    }
                }
                return Optional.of(new ResourceOutcome(false, fail.reason()));
            }
            if (fault instanceof Fault.StallResource stall && applies(stall.resource(), stall.action(), path, action)) {
                return Optional.of(new ResourceOutcome(true, null));
            }
        }
        return Optional.empty();
    }

    private static boolean applies(String pattern, Fault.Action wanted, String path, Fault.Action action) {
        if (wanted != null && wanted != action) {
            return false;
        }
        Pattern glob = Pattern.compile(String.join(".*", java.util.Arrays.stream(pattern.split("\\*", -1))
                .map(Pattern::quote).toList()));
        String name = path.substring(path.lastIndexOf('/') + 1);
        return glob.matcher(path).matches() || glob.matcher(name).matches();
    }
}
