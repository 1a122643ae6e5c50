package dev.magnetar.core.service;

import java.time.Duration;

/**
 * Service-wide behaviour that operators configure.
 *
 * @param defaultCreateTimeoutMinutes used when a cluster asks for 0 (Magnum's {@code [cluster_heat] create_timeout})
 * @param maxClustersPerProject       the quota when a project has no explicit one
 * @param serviceDownTime             a conductor not seen for this long is listed as {@code down}
 */
public record ServiceSettings(int defaultCreateTimeoutMinutes, int maxClustersPerProject, Duration serviceDownTime) {

    public static ServiceSettings defaults() {
        return new ServiceSettings(60, 20, Duration.ofSeconds(180));
    }
}
