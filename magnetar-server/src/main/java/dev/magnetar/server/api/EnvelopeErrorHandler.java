package dev.magnetar.server.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.handler.ErrorHandler;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.UUID;

/**
 * Jetty's own refusals in Magnum's error envelope instead of Jetty's HTML: requests the HTTP parser
 * rejects before any route runs (431 oversized headers, 414 oversized request line, 400 malformed
 * request line or header, 505 unknown HTTP version) and errors Jetty answers itself after parsing.
 * Set on the server and on the servlet context, so no error page on our port is HTML.
 */
final class EnvelopeErrorHandler extends ErrorHandler {

    private final int maxHeaderBytes;

    EnvelopeErrorHandler(int maxHeaderBytes) {
        this.maxHeaderBytes = maxHeaderBytes;
    }

    /** The parser's refusals: no request exists yet, so no route, filter or request id has run. */
    @Override
    public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
        String requestId = ApiServer.newRequestId();
        fields.put(HttpHeader.CONTENT_TYPE, "application/json");
        fields.put(ApiServer.REQUEST_ID_HEADER, requestId);
        return ByteBuffer.wrap(body(status, reason, requestId));
    }

    /** Errors Jetty sends for a parsed request, whatever its method and Accept header. */
    @Override
    public boolean errorPageForMethod(String method) {
        return true;
    }

    @Override
    protected void generateAcceptableResponse(Request baseRequest, HttpServletRequest request,
                                              HttpServletResponse response, int code, String message)
            throws IOException {
        Object known = request.getAttribute(Requests.REQUEST_ID);
        String requestId = known instanceof String id ? id : ApiServer.newRequestId();
        byte[] body = body(code, message, requestId);
        response.setContentType("application/json");
        response.setHeader(ApiServer.REQUEST_ID_HEADER, requestId);
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    private byte[] body(int status, String reason, String requestId) {
        try {
            return Json.MAPPER.writeValueAsBytes(ErrorBodies.of(status, detail(status, reason), requestId));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What was refused and, where the server has a limit, what it allows. */
    String detail(int status, String reason) {
        return switch (status) {
            case HttpStatus.REQUEST_HEADER_FIELDS_TOO_LARGE_431 ->
                    "Request header fields are larger than the " + maxHeaderBytes + " bytes allowed.";
            case HttpStatus.URI_TOO_LONG_414 ->
                    "Request URI is longer than the " + maxHeaderBytes + " bytes allowed.";
            default -> {
                String summary = HttpStatus.getMessage(status);
                String why = printable(reason);
                yield why.isEmpty() || why.equalsIgnoreCase(summary) ? summary + "." : summary + ": " + why + ".";
            }
        };
    }

    /** Jetty's reason, without control characters and bounded, since it may quote the request. */
    private static String printable(String reason) {
        if (reason == null) {
            return "";
        }
        String clean = reason.replaceAll("[^\\x20-\\x7e]", "?").trim();
        while (clean.endsWith(".")) {
            clean = clean.substring(0, clean.length() - 1);
        }
        return clean.length() > 200 ? clean.substring(0, 200) + "..." : clean;
    }
}
