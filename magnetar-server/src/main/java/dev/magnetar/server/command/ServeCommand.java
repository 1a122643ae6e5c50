package dev.magnetar.server.command;

import dev.magnetar.server.config.Config;
import dev.magnetar.server.config.Option;
import dev.magnetar.server.wiring.MagnetarService;
import picocli.CommandLine;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Callable;

/** {@code magnetar serve}: the API and a conductor replica in one process, until interrupted. */
@CommandLine.Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Run the Magnum v1 API and a conductor. With no configuration: embedded H2 database, "
                + "simulated cloud, noauth, on 127.0.0.1:9511.")
public final class ServeCommand implements Callable<Integer> {

    @CommandLine.Mixin
    ServerOptions server = new ServerOptions();

    @CommandLine.Option(names = "--port", description = "API port (default 9511).")
    Integer port;

    @CommandLine.Option(names = "--host", description = "API bind address (default 127.0.0.1).")
    String host;

    @Override
    public Integer call() throws InterruptedException {
        Map<Option, String> overrides = new EnumMap<>(Option.class);
        if (port != null) {
            overrides.put(Option.API_PORT, port.toString());
        }
        if (host != null) {
            overrides.put(Option.API_HOST, host);
        }
        Config config = server.load(overrides);
        config.validate();
        MagnetarService service = MagnetarService.start(config);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            service.close();
            stopped.countDown();
        }, "magnetar-shutdown"));
        System.out.println(Banner.of(service));
        stopped.await();
        return 0;
    }
}
