package dev.magnetar.driver.mesos.monitor;

import dev.magnetar.core.model.Cluster;

/**
 * Where a cluster's master answers HTTP. In a real cloud that is the master's address on Mesos'
 * port; a simulated cloud (or a test) serves its masters elsewhere on loopback and says so here,
 * so the monitor never sends traffic to an address that only exists in a simulation.
 */
@FunctionalInterface
public interface MasterLocator {

    /** The base URL, without a trailing slash, of {@code masterAddress} of {@code cluster}. */
    String baseUrl(Cluster cluster, String masterAddress);

    /** Each master on its own address at {@code port}. */
    static MasterLocator onPort(int port) {
        return (cluster, address) -> "http://" + (address.contains(":") ? "[" + address + "]" : address) + ":" + port;
    }
}
