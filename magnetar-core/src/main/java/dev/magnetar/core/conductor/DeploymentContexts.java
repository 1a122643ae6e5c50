package dev.magnetar.core.conductor;

import dev.magnetar.core.driver.DeploymentContext;
import dev.magnetar.core.model.Cluster;
import dev.magnetar.core.port.StackCredential;

/** Supplies the cloud facts a driver renders a cluster's stack with. */
@FunctionalInterface
public interface DeploymentContexts {

    DeploymentContext forCluster(Cluster cluster, String driverName, StackCredential credential);
}
