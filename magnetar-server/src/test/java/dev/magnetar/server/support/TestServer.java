package dev.magnetar.server.support;

import dev.magnetar.server.config.Config;
import dev.magnetar.server.config.Option;
import dev.magnetar.server.wiring.MagnetarService;
import dev.magnetar.server.wiring.SimulatedBackend;
import dev.magnetar.sim.SimulatedOrchestrator;
import dev.magnetar.sim.dcos.SimulatedDcos;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;

/**
 * A whole Magnetar on loopback for tests: embedded H2 in a temporary directory, the simulated cloud
 * at instant speed, noauth, a random port, and fast conductor intervals.
 */
public final class TestServer implements AutoCloseable {

    private final MagnetarService service;
    private final Path dataDir;

    private TestServer(MagnetarService service, Path dataDir) {
        this.service = service;
        this.dataDir = dataDir;
    }

    public static TestServer start() {
        return start(Map.of());
    }

    public static TestServer start(Map<Option, String> extra) {
        Path dataDir;
        try {
            dataDir = Files.createTempDirectory("magnetar-test");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<Option, String> overrides = new EnumMap<>(Option.class);
        overrides.put(Option.DATA_DIR, dataDir.toString());
        overrides.put(Option.API_PORT, "0");
        overrides.put(Option.SIMULATION_SPEED, "instant");
        overrides.put(Option.CONDUCTOR_POLL_INTERVAL, "20");
        overrides.put(Option.CONDUCTOR_RECONCILE_INTERVAL, "50");
        overrides.put(Option.CONDUCTOR_HEARTBEAT_INTERVAL, "1");
        // Test servers live seconds: making spare RSA keys would only take CPU from the tests.
        overrides.put(Option.MONITOR_SPARE_KEYS, "0");
        overrides.putAll(extra);
        return new TestServer(MagnetarService.start(Config.load(null, Map.of(), overrides)), dataDir);
    }

    public Api api() {
        return new Api("http://127.0.0.1:" + service.port());
    }

    public int port() {
        return service.port();
    }

    public String url() {
        return "http://127.0.0.1:" + service.port();
    }

    public SimulatedOrchestrator simulator() {
        return ((SimulatedBackend) service.backend()).simulator();
    }

    /** The simulated DC/OS the monitor polls completed dcos clusters through. */
    public SimulatedDcos dcos() {
        return ((SimulatedBackend) service.backend()).dcos();
    }

    public Path dataDir() {
        return dataDir;
    }

    @Override
    public void close() {
        service.close();
    }
}
