package dev.magnetar.server.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * HTTP/1.1 written by hand on a loopback socket, for requests no well-behaved client would send
 * (oversized or malformed request lines and headers, bodies that never arrive) and for reading
 * exactly what the server answered.
 */
public final class RawHttp implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Socket socket;
    private final BufferedInputStream in;

    private RawHttp(Socket socket) throws IOException {
        this.socket = socket;
        this.in = new BufferedInputStream(socket.getInputStream());
    }

    /** Opens a connection to {@code 127.0.0.1:port}. */
    public static RawHttp connect(int port) {
        Socket socket = new Socket();
        try {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 10_000);
            socket.setSoTimeout(60_000);
            return new RawHttp(socket);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Sends {@code request} on a new connection and reads the whole answer (the server closes it). */
    public static Response exchange(int port, String request) {
        try (RawHttp http = connect(port)) {
            http.send(request);
            return http.read();
        }
    }

    /** Writes {@code text} as ISO-8859-1 bytes, as HTTP/1.1 heads are. */
    public RawHttp send(String text) {
        try {
            socket.getOutputStream().write(text.getBytes(StandardCharsets.ISO_8859_1));
            socket.getOutputStream().flush();
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The final response if the server has sent one by now (interim 100 Continue aside), else empty;
     * waits a moment at most. For checking which connections the server still holds.
     */
    public Optional<Response> poll() {
        try {
            socket.setSoTimeout(100);
            return Optional.of(read());
        } catch (UncheckedIOException e) {
            if (e.getCause() instanceof SocketTimeoutException) {
                return Optional.empty();
            }
            throw e;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            try {
                socket.setSoTimeout(60_000);
            } catch (IOException ignored) {
                // the socket is gone; the next read says so
            }
        }
    }

    /**
     * Reads one response: status line, headers, and a body of Content-Length bytes, or to the end
     * of the stream without one. Skips interim 1xx responses.
     */
    public Response read() {
        try {
            while (true) {
                String statusLine = line(in);
                if (statusLine == null) {
                    throw new IOException("connection closed before a response");
                }
                int status = Integer.parseInt(statusLine.split(" ")[1]);
                Map<String, String> headers = new LinkedHashMap<>();
                for (String header = line(in); header != null && !header.isEmpty(); header = line(in)) {
                    int colon = header.indexOf(':');
                    headers.put(header.substring(0, colon).trim().toLowerCase(Locale.ROOT), header.substring(colon + 1).trim());
                }
                if (status / 100 == 1) {
                    continue;
                }
                ByteArrayOutputStream body = new ByteArrayOutputStream();
                String length = headers.get("content-length");
                if (length != null) {
                    body.write(in.readNBytes(Integer.parseInt(length)));
                } else if (!"chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
                    in.transferTo(body);
                } else {
                    for (int size = Integer.parseInt(line(in).trim(), 16); size > 0; size = Integer.parseInt(line(in).trim(), 16)) {
                        body.write(in.readNBytes(size));
                        line(in);
                    }
                }
                return new Response(status, headers, body.toString(StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b = in.read(); b != -1; b = in.read()) {
            if (b == '\n') {
                String text = line.toString(StandardCharsets.ISO_8859_1);
                return text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
            }
            line.write(b);
        }
        return line.size() == 0 ? null : line.toString(StandardCharsets.ISO_8859_1);
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing a broken socket has nothing left to report
        }
    }

    /** A response as read off the wire; header names in lower case. */
    public record Response(int status, Map<String, String> headers, String body) {

        public String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }

        public JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("Response body is not JSON: " + body, e);
            }
        }

        @Override
        public String toString() {
            return status + " " + headers + " " + (body.length() > 300 ? body.substring(0, 300) + "…" : body);
        }
    }
}
