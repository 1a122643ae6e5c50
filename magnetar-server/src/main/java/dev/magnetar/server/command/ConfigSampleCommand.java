package dev.magnetar.server.command;

import dev.magnetar.server.config.Config;
import picocli.CommandLine;

import java.util.concurrent.Callable;

/** {@code magnetar config-sample}: every option with its default and meaning. */
@CommandLine.Command(name = "config-sample", mixinStandardHelpOptions = true,
        description = "Print a configuration file listing every option with its default and meaning.")
public final class ConfigSampleCommand implements Callable<Integer> {

    @Override
    public Integer call() {
        System.out.print(Config.sample());
        return 0;
    }
}
