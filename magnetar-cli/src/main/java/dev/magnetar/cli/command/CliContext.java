package dev.magnetar.cli.command;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.magnetar.cli.http.MagnumClient;
import dev.magnetar.cli.output.Output;
import dev.magnetar.cli.wait.StatusWaiter;

/**
 * What a client command needs from the session it runs in. The values behind it (endpoint, token,
 * format) are the root options, known only once the command line has been parsed, so commands ask
 * for them when they run rather than when they are built.
 */
public interface CliContext {

    MagnumClient client();

    Output output();

    ObjectMapper json();

    StatusWaiter waiter();
}
