package dev.magnetar.cli.error;

/**
 * A command cannot go on because of what the user typed or pointed it at (a malformed label, an
 * unreadable file, an unsafe file name). Printed as it is, with exit status 1, like
 * python-magnumclient's {@code CommandError}.
 */
public class CommandError extends RuntimeException {

    public CommandError(String message) {
        super(message);
    }

    public CommandError(String message, Throwable cause) {
        super(message, cause);
    }
}
