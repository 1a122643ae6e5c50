package dev.magnetar.cli.http;

import java.net.URI;

/** No HTTP answer at all: the server is down, the URL is wrong or the network is in the way. */
public final class ServerUnreachableException extends RuntimeException {

    public ServerUnreachableException(URI endpoint, Throwable cause) {
        super("Unable to reach the Magnetar API at " + endpoint + ": " + describe(cause)
                + ". Is the server running? Set --url or MAGNETAR_URL.", cause);
    }

    private static String describe(Throwable cause) {
        if (cause instanceof java.net.ConnectException) {
            return "connection refused";
        }
        if (cause instanceof java.net.http.HttpTimeoutException) {
            return "timed out";
        }
        String message = cause.getMessage();
        return message == null || message.isBlank() ? cause.getClass().getSimpleName() : message;
    }
}
