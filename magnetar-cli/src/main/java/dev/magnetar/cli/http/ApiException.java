package dev.magnetar.cli.http;

import java.util.Optional;

/**
 * The server answered with an error status. The message is what an operator should read: the
 * {@code detail} of Magnum's error envelope, the HTTP status and the request id to quote in a
 * bug report, in the same shape the OpenStack clients print.
 */
public final class ApiException extends RuntimeException {

    private final int status;
    private final String detail;
    private final String requestId;

    public ApiException(int status, String detail, String requestId) {
        super(detail + " (HTTP " + status + ")" + (requestId == null ? "" : " (Request-ID: " + requestId + ")"));
        this.status = status;
        this.detail = detail;
        this.requestId = requestId;
    }

    public int status() {
        return status;
    }

    public String detail() {
        return detail;
    }

    public Optional<String> requestId() {
        return Optional.ofNullable(requestId);
    }

    /** True for 404, which {@code --wait} on delete takes as "gone". */
    public boolean isNotFound() {
        return status == 404;
    }
}
