package dev.magnetar.driver.dcos.monitor;

import dev.magnetar.driver.dcos.monitor.tls.PinnedCa;

import javax.net.ssl.SSLContext;
import java.net.http.HttpClient;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * One HTTP client per pinned CA, each trusting that CA alone, shared by every poll of the clusters
 * pinned to it (the simulated cloud's clusters all share one), with the CA parsed once rather than
 * at every poll. The most recently used {@value #MAX_CLIENTS} are kept; a client dropped from here
 * is closed by the JDK once the last poll using it lets go, so a poll in flight is never cut short.
 */
final class PinnedClients {

    static final int MAX_CLIENTS = 256;

    /** A pinned CA and the client that trusts it, or why the stored PEM is no usable CA. */
    record Pinned(PinnedCa ca, HttpClient client, String problem) {
    }

    private final Function<SSLContext, HttpClient> factory;
    private final Map<String, Pinned> byPem = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Pinned> eldest) {
            return size() > MAX_CLIENTS;
        }
    };

    /** @param factory makes a client with the given TLS context, e.g. {@code MonitorHttpClient::create} */
    PinnedClients(Function<SSLContext, HttpClient> factory) {
        this.factory = factory;
    }

    synchronized Pinned forPem(String pem) {
        return byPem.computeIfAbsent(pem, p -> {
            PinnedCa.Parsed parsed = PinnedCa.parse(p);
            return parsed.ca().map(ca -> new Pinned(ca, factory.apply(ca.sslContext()), null))
                    .orElseGet(() -> new Pinned(null, null, parsed.problem()));
        });
    }

    synchronized int size() {
        return byPem.size();
    }
}
