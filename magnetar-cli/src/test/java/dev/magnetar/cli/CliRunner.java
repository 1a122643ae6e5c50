package dev.magnetar.cli;

import dev.magnetar.cli.http.HttpTransport;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.HashMap;
import java.util.Map;

/** Runs {@code magnetar} in process against a {@link FakeMagnum}, capturing what it prints. */
final class CliRunner {

    record Result(int exit, String out, String err) {
    }

    private final Map<String, String> environment = new HashMap<>();
    private final FakeTime time = new FakeTime();

    CliRunner(FakeMagnum server) {
        environment.put("MAGNETAR_URL", server.url());
    }

    CliRunner env(String name, String value) {
        environment.put(name, value);
        return this;
    }

    FakeTime time() {
        return time;
    }

    Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        MagnetarCli cli = new MagnetarCli(environment, new PrintWriter(out), new PrintWriter(err),
                HttpTransport.standard(), time, time);
        int exit = cli.run(args);
        return new Result(exit, out.toString(), err.toString());
    }
}
