package dev.magnetar.core.service;

import dev.magnetar.core.context.RequestContext;
import dev.magnetar.core.model.ConductorRecord;
import dev.magnetar.core.port.Database;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** Conductor replicas' heartbeats, and the {@code /v1/mservices} view of them. */
public final class ConductorService {

    public static final String BINARY = "magnetar-conductor";

    private final Database database;
    private final Clock clock;
    private final Duration serviceDownTime;

    public ConductorService(Database database, Clock clock, Duration serviceDownTime) {
        this.database = database;
        this.clock = clock;
        this.serviceDownTime = serviceDownTime;
    }

    public void heartbeat(String host) {
        database.transact(repos -> repos.conductors().heartbeat(host, BINARY, clock.instant()));
    }

    public List<ServiceView> list(RequestContext context) {
        Policy.requireAdmin(context, "magnum-service:get_all");
        Instant now = clock.instant();
        return database.transaction(repos -> repos.conductors().list()).stream()
                .map(record -> new ServiceView(record, isUp(record, now) ? "up" : "down"))
                .toList();
    }

    /** The hosts of the conductor replicas that are up now, e.g. to share periodic work among them. */
    public List<String> liveHosts() {
        Instant now = clock.instant();
        return database.transaction(repos -> repos.conductors().list()).stream()
                .filter(record -> BINARY.equals(record.binary()) && isUp(record, now))
                .map(ConductorRecord::host)
                .toList();
    }

    private boolean isUp(ConductorRecord record, Instant now) {
        Instant last = record.lastSeenUp() != null ? record.lastSeenUp()
                : record.updatedAt() != null ? record.updatedAt() : record.createdAt();
        return !record.forcedDown() && last != null && !last.plus(serviceDownTime).isBefore(now);
    }

    /** A conductor with its derived {@code state}. */
    public record ServiceView(ConductorRecord record, String state) {
    }
}
