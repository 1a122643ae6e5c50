package dev.magnetar.cli.wait;

import com.fasterxml.jackson.databind.JsonNode;
import dev.magnetar.cli.error.CommandError;
import dev.magnetar.cli.http.ApiException;
import dev.magnetar.cli.http.ApiPath;
import dev.magnetar.cli.http.MagnumClient;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Iterator;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * {@code --wait}: polls one bay or cluster until its status settles, reporting every change of status
 * with the time since waiting began. The outcome is an exit status: 0 when the operation completed,
 * 1 when it ended {@code *_FAILED} (after printing the reason and the failed resources).
 */
public final class StatusWaiter {

    /** What the caller waits for. */
    public enum Goal {
        /** A create or update: any status that is no longer {@code *_IN_PROGRESS}. */
        SETTLED,
        /** A delete: the resource answers 404 (or reports {@code DELETE_COMPLETE}). */
        GONE
    }

    private final MagnumClient client;
    private final Consumer<String> report;
    private final Duration interval;
    private final InstantSource clock;
    private final Sleeper sleeper;

    public StatusWaiter(MagnumClient client, Consumer<String> report, Duration interval, InstantSource clock,
                        Sleeper sleeper) {
        this.client = client;
        this.report = report;
        this.interval = interval;
        this.clock = clock;
        this.sleeper = sleeper;
    }

    /**
     * Polls {@code resource} (e.g. {@code /v1/clusters/<uuid>}) until {@code goal} is reached.
     *
     * @param faultsField {@code faults} for clusters, {@code bay_faults} for bays
     * @return 0 on success, 1 when the resource ended in a failed status
     */
    public int await(ApiPath resource, String faultsField, Goal goal) {
        Instant start = clock.instant();
        String last = null;
        while (true) {
            JsonNode current;
            try {
                current = client.get(resource).body();
            } catch (ApiException e) {
                if (goal == Goal.GONE && e.isNotFound()) {
                    report.accept(stamp(start) + " deleted");
                    return 0;
                }
                throw e;
            }
            String status = current.path("status").isTextual() ? current.path("status").asText() : null;
            if (!Objects.equals(status, last)) {
                report.accept(stamp(start) + " " + (status == null ? "(no status)" : status));
                last = status;
            }
            if (StatusProgress.isFailed(status)) {
                reportFailure(current, faultsField);
                return 1;
            }
            boolean reached = goal == Goal.SETTLED ? !StatusProgress.isInProgress(status) : "DELETE_COMPLETE".equals(status);
            if (reached) {
                return 0;
            }
            pause();
        }
    }

    private void reportFailure(JsonNode resource, String faultsField) {
        JsonNode reason = resource.path("status_reason");
        report.accept("status_reason: " + (reason.isNull() || reason.isMissingNode() ? "-" : reason.asText()));
        JsonNode faults = resource.path(faultsField);
        if (faults.isObject() && !faults.isEmpty()) {
            report.accept(faultsField + ":");
            Iterator<Map.Entry<String, JsonNode>> fields = faults.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> fault = fields.next();
                report.accept("  " + fault.getKey() + ": " + fault.getValue().asText());
            }
        }
    }

    private void pause() {
        try {
            sleeper.sleep(interval);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CommandError("Interrupted while waiting", e);
        }
    }

    /** {@code [hh:mm:ss]} since waiting began. */
    private String stamp(Instant start) {
        long seconds = Duration.between(start, clock.instant()).toSeconds();
        return String.format("[%02d:%02d:%02d]", seconds / 3600, seconds / 60 % 60, seconds % 60);
    }
}
