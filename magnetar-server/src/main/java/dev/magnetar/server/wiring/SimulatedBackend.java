package dev.magnetar.server.wiring;

import dev.magnetar.core.driver.DeploymentContext;
import dev.magnetar.core.driver.DriverSettings;
import dev.magnetar.core.port.Backend;
import dev.magnetar.core.port.CloudCatalogue;
import dev.magnetar.core.port.ClusterCredentials;
import dev.magnetar.core.port.DeploymentContexts;
import dev.magnetar.core.port.MonitorTargets;
import dev.magnetar.core.port.Orchestrator;
import dev.magnetar.sim.DurationProfile;
import dev.magnetar.sim.Faults;
import dev.magnetar.sim.SimulatedCatalogue;
import dev.magnetar.sim.SimulatedOrchestrator;
import dev.magnetar.sim.dcos.SimulatedDcos;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.function.Function;

/**
 * The embedded default's cloud: the simulated Heat and catalogue, with stacks kept in the data
 * directory so a restarted service finds the stacks it made, and a simulated DC/OS on loopback that
 * the monitor polls in place of each completed DC/OS cluster's Admin Router, over HTTPS with a CA
 * kept in the same directory.
 */
public final class SimulatedBackend implements Backend {

    /** The simulated Admin Routers' CA, kept with the stacks so that a restart keeps the CAs pinned. */
    static final String DCOS_CA_FILE = "simulated-dcos-ca.p12";

    private final SimulatedOrchestrator orchestrator;
    private final SimulatedCatalogue catalogue;
    private final Function<String, Map<String, String>> driverSettings;
    private final SimulatedDcos dcos;
    private final SimulatedDcosTargets monitorTargets;

    public SimulatedBackend(Clock clock, DurationProfile profile, Path stateDirectory,
                            Function<String, Map<String, String>> driverSettings) {
        this.orchestrator = new SimulatedOrchestrator(clock, profile, new Faults(clock), stateDirectory);
        this.catalogue = SimulatedCatalogue.defaults();
        this.driverSettings = driverSettings;
        this.dcos = stateDirectory == null ? SimulatedDcos.start()
                : SimulatedDcos.start(stateDirectory.resolve(DCOS_CA_FILE));
        this.monitorTargets = new SimulatedDcosTargets(dcos);
    }

    public SimulatedOrchestrator simulator() {
        return orchestrator;
    }

    /** The simulated DC/OS clusters the monitor polls, for fault injection. */
    public SimulatedDcos dcos() {
        return dcos;
    }

    @Override
    public MonitorTargets monitorTargets() {
        return monitorTargets;
    }

    @Override
    public void close() {
        dcos.close();
    }

    @Override
    public Orchestrator orchestrator() {
        return orchestrator;
    }

    @Override
    public CloudCatalogue catalogue() {
        return catalogue;
    }

    @Override
    public ClusterCredentials credentials() {
        return ClusterCredentials.NONE;
    }

    @Override
    public DeploymentContexts deploymentContexts() {
        return (cluster, driverName, credential) ->
                DeploymentContext.local(new DriverSettings(driverSettings.apply(driverName)));
    }

    @Override
    public String describe() {
        return orchestrator.describe() + ". Nothing real is created. To drive OpenStack, set [backend] kind = "
                + "\"openstack\" and the [keystone] options (see `magnetar config-sample`).";
    }
}
