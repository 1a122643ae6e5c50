package dev.magnetar.core.model;

/** What the COE itself says about a settled cluster (Magnum's ClusterHealthStatus). */
public enum HealthStatus {
    HEALTHY, UNHEALTHY, UNKNOWN
}
