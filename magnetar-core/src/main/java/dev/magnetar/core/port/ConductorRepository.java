package dev.magnetar.core.port;

import dev.magnetar.core.model.ConductorRecord;

import java.time.Instant;
import java.util.List;

/** Heartbeats of conductor replicas ({@code /v1/mservices}). */
public interface ConductorRepository {

    /** Creates the row for (host, binary) on first call; later calls bump report_count and last_seen_up. */
    void heartbeat(String host, String binary, Instant now);

    List<ConductorRecord> list();
}
