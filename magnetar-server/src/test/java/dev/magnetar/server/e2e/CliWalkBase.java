package dev.magnetar.server.e2e;

import dev.magnetar.server.support.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** One server per test class on the embedded default (instant simulated cloud), and our CLI pointed at it. */
abstract class CliWalkBase {

    static TestServer server;
    static Cli cli;

    @BeforeAll
    static void startServer() {
        server = TestServer.start();
        cli = new Cli(server.url());
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }
}
