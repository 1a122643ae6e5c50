package dev.magnetar.core.port;

import dev.magnetar.core.driver.DeploymentContext;
import dev.magnetar.core.model.Cluster;

/** Supplies the cloud facts a driver renders a cluster's stack with. */
@FunctionalInterface
public interface DeploymentContexts {

    DeploymentContext forCluster(Cluster cluster, String driverName, StackCredential credential);
}
