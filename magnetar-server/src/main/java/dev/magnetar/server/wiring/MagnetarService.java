package dev.magnetar.server.wiring;

import dev.magnetar.core.conductor.OperationExecutor;
import dev.magnetar.core.conductor.Reconciler;
import dev.magnetar.core.conductor.WorkSignal;
import dev.magnetar.core.driver.DriverRegistry;
import dev.magnetar.core.driver.DriverSettings;
import dev.magnetar.core.port.Backend;
import dev.magnetar.core.port.Database;
import dev.magnetar.core.service.CloudResources;
import dev.magnetar.core.service.CertificateService;
import dev.magnetar.core.service.ClusterService;
import dev.magnetar.core.service.NodeGroupService;
import dev.magnetar.core.service.ClusterTemplateService;
import dev.magnetar.core.service.ConductorService;
import dev.magnetar.core.service.NameGenerator;
import dev.magnetar.core.service.QuotaService;
import dev.magnetar.core.service.ServiceSettings;
import dev.magnetar.core.service.StatsService;
import dev.magnetar.openstack.keystone.KeystoneTokenValidator;
import dev.magnetar.server.api.ApiServer;
import dev.magnetar.server.api.ApiServices;
import dev.magnetar.server.api.auth.KeystoneContexts;
import dev.magnetar.server.api.auth.NoAuthContexts;
import dev.magnetar.server.api.auth.RequestContexts;
import dev.magnetar.server.conductor.ConductorRuntime;
import dev.magnetar.server.config.Config;
import dev.magnetar.server.config.Option;
import dev.magnetar.store.Store;
import io.javalin.Javalin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One Magnetar process: database, backend, drivers, services, the HTTP API and a conductor
 * replica, assembled from the configuration. {@code serve} runs one; tests start several.
 */
public final class MagnetarService implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(MagnetarService.class);

    private final Store store;
    private final Backend backend;
    private final Javalin api;
    private final ConductorRuntime conductor;
    private final DriverRegistry drivers;
    private final Monitoring monitoring;

    private MagnetarService(Store store, Backend backend, Javalin api, ConductorRuntime conductor,
                            DriverRegistry drivers, Monitoring monitoring) {
        this.store = store;
        this.backend = backend;
        this.api = api;
        this.conductor = conductor;
        this.drivers = drivers;
        this.monitoring = monitoring;
    }

    public static MagnetarService start(Config config) {
        return start(config, Clock.systemUTC());
    }

    public static MagnetarService start(Config config, Clock clock) {
        Store store = Databases.open(config);
        try {
            if (Databases.migrateOnStart(config)) {
                store.migrate();
            }
            Backend backend = Backends.create(config, clock);
            DriverRegistry drivers = DriverRegistry.discover(name -> new DriverSettings(config.driverSettings(name)));
            Database database = store.database();
            ServiceSettings settings = new ServiceSettings(config.getInt(Option.CLUSTER_CREATE_TIMEOUT),
                    config.getInt(Option.CLUSTER_MAX_PER_PROJECT), config.getSeconds(Option.CLUSTER_SERVICE_DOWN_TIME));
            NameGenerator names = new NameGenerator(new Random());
            CloudResources cloud = new CloudResources(backend.catalogue());
            ClusterTemplateService templates = new ClusterTemplateService(database, drivers, cloud, names, clock);
            WorkSignal operationStored = new WorkSignal();
            ClusterService clusters = new ClusterService(database, templates, cloud, names, settings,
                    backend.deploymentContexts(), clock, operationStored::signal);
            ConductorService conductors = new ConductorService(database, clock, settings.serviceDownTime());
            NodeGroupService nodeGroups = new NodeGroupService(database, templates, clusters, cloud, clock,
                    operationStored::signal);
            ApiServices services = new ApiServices(templates, clusters, nodeGroups, new QuotaService(database, clock),
                    new StatsService(database), conductors, drivers,
                    new CertificateService(database, clusters, templates));
            String host = conductorHost(config);
            Monitoring monitoring = Monitoring.create(config, database, drivers, backend, conductors, host, clock);
            ApiServer.Limits limits = new ApiServer.Limits(config.getSeconds(Option.API_BODY_TIMEOUT),
                    config.getInt(Option.API_BODY_READERS));
            Javalin api = ApiServer.create(services, authFor(config, backend), limits, monitoring.registry(),
                    backend instanceof SimulatedBackend simulated ? Optional.of(simulated.dcos()) : Optional.empty());
            AtomicReference<ConductorRuntime> runtime = new AtomicReference<>();
            ConductorRuntime conductor = new ConductorRuntime(
                    new OperationExecutor(database, backend.orchestrator(), drivers, backend.credentials(),
                            backend.deploymentContexts(), clock, config.getSeconds(Option.CONDUCTOR_OPERATION_LEASE),
                            monitoring.accounts(), monitoring.metrics(), uuid -> runtime.get().reconcileSoon(uuid)),
                    new Reconciler(database, backend.orchestrator(), drivers, backend.credentials(), clock,
                            monitoring::clusterSettled, uuid -> runtime.get().reconcileSoon(uuid)),
                    conductors, host, config.getInt(Option.CONDUCTOR_WORKERS),
                    config.getMillis(Option.CONDUCTOR_POLL_INTERVAL), config.getMillis(Option.CONDUCTOR_RECONCILE_INTERVAL),
                    config.getSeconds(Option.CONDUCTOR_HEARTBEAT_INTERVAL), operationStored);
            runtime.set(conductor);
            api.start(config.get(Option.API_HOST), config.getInt(Option.API_PORT));
            conductor.start();
            if (config.getInt(Option.CONDUCTOR_WORKERS) > 0) {
                monitoring.start();
            }
            LOG.info("Magnetar API on http://{}:{} — backend: {} — drivers: {}", config.get(Option.API_HOST),
                    api.port(), backend.describe(), drivers.byName().keySet());
            return new MagnetarService(store, backend, api, conductor, drivers, monitoring);
        } catch (RuntimeException e) {
            store.close();
            throw e;
        }
    }

    /** Applies the migrations to the configured database; returns a line saying what was done. */
    public static String migrate(Config config) {
        try (Store store = Databases.open(config)) {
            store.migrate();
            return "Database migrated: " + Databases.storeConfig(config).jdbcUrl();
        }
    }

    private static RequestContexts authFor(Config config, Backend backend) {
        String mode = config.get(Option.API_AUTH);
        return switch (mode) {
            case "noauth" -> new NoAuthContexts(config.get(Option.API_NOAUTH_PROJECT));
            case "keystone" -> new KeystoneContexts(new KeystoneTokenValidator(
                    backend instanceof OpenStackBackend openStack ? openStack.keystone() : Backends.keystone(config)));
            default -> throw new Config.ConfigException("[api] auth must be noauth or keystone, not '" + mode + "'");
        };
    }

    private static String conductorHost(Config config) {
        String host = config.get(Option.CONDUCTOR_HOST);
        if (!host.isBlank()) {
            return host;
        }
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "localhost";
        }
    }

    public int port() {
        return api.port();
    }

    public Backend backend() {
        return backend;
    }

    public DriverRegistry drivers() {
        return drivers;
    }

    @Override
    public void close() {
        monitoring.close();
        conductor.close();
        api.stop();
        backend.close();
        store.close();
    }
}
