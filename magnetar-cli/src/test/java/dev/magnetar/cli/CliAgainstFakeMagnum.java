package dev.magnetar.cli;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** The setting of the client's command tests: a fresh {@link FakeMagnum} per test, and the CLI pointed at it. */
abstract class CliAgainstFakeMagnum {

    FakeMagnum server;
    CliRunner cli;

    @BeforeEach
    void startFakeMagnum() throws Exception {
        server = new FakeMagnum();
        cli = new CliRunner(server);
    }

    @AfterEach
    void stopFakeMagnum() {
        server.close();
    }
}
