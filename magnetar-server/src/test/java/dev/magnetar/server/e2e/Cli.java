package dev.magnetar.server.e2e;

import dev.magnetar.cli.MagnetarCli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;

/** Runs `magnetar` client commands in process against a server URL, capturing what a user sees. */
final class Cli {

    private final String url;

    Cli(String url) {
        this.url = url;
    }

    Result run(String commandLine) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = new MagnetarCli(Map.of("MAGNETAR_URL", url, "MAGNETAR_POLL_INTERVAL", "0.05"),
                new PrintWriter(out, true), new PrintWriter(err, true)).run(split(commandLine));
        return new Result(status, out.toString(), err.toString());
    }

    private static String[] split(String commandLine) {
        return commandLine.trim().split("\\s+");
    }

    record Result(int status, String out, String err) {
        @Override
        public String toString() {
            return "exit " + status + "\n" + out + err;
        }
    }
}
