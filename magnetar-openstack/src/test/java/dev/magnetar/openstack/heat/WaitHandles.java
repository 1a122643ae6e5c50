package dev.magnetar.openstack.heat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.magnetar.core.port.StackCredential;
import dev.magnetar.openstack.http.OpenStackHttp;
import dev.magnetar.openstack.http.RetryPolicy;
import dev.magnetar.openstack.http.ServiceResponse;
import dev.magnetar.openstack.keystone.IssuedToken;
import dev.magnetar.openstack.keystone.KeystoneClient;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Acts as a cluster's nodes: finds the stack's wait-condition handles and signals them the way a
 * booted server's {@code curl_cli} would (POST to the handle's endpoint with the handle's token).
 */
public final class WaitHandles {

    private final OpenStackHttp http = new OpenStackHttp(Duration.ofSeconds(5), Duration.ofSeconds(30));
    private final KeystoneClient keystone;
    private final Set<String> signalled = new HashSet<>();
    /** The last token issued, reused for the same credential while valid: a caller polling every few seconds
     * would otherwise have Keystone issue a token each time. */
    private IssuedToken token;
    private StackCredential tokenOf;

    public WaitHandles(KeystoneClient keystone) {
        this.keystone = keystone;
    }

    /**
     * Signals every handle not signalled before, once {@code expected} new ones exist (waiting up to
     * a minute for Heat to make them). Returns how many it signalled.
     */
    public int signalNew(String stackName, String stackId, StackCredential credential, int expected, boolean success,
                  String reason) throws InterruptedException {
        return signalNew(stackName, stackId, credential, expected, success, reason, Duration.ofSeconds(60));
    }

    /** As above, waiting up to {@code patience} for the handles to appear. */
    public int signalNew(String stackName, String stackId, StackCredential credential, int expected, boolean success,
                  String reason, Duration patience) throws InterruptedException {
        IssuedToken token = tokenFor(credential);
        URI heat = keystone.endpoint(token.info().catalog(), "orchestration").orElseThrow();
        long deadline = System.nanoTime() + patience.toNanos();
        while (true) {
            Map<String, JsonNode> fresh = newHandles(heat, token.value(), stackName, stackId);
            if (fresh.size() >= expected) {
                int index = signalled.size();
                for (Map.Entry<String, JsonNode> handle : fresh.entrySet()) {
                    signal(handle.getValue(), success, reason, "10.0.0." + (10 + index++));
                    signalled.add(handle.getKey());
                }
                return fresh.size();
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Only " + fresh.size() + " of " + expected + " new wait handles appeared");
            }
            Thread.sleep(500);
        }
    }

    private IssuedToken tokenFor(StackCredential credential) {
        if (token == null || !credential.equals(tokenOf) || !token.validBeyond(Instant.now(), Duration.ofMinutes(5))) {
            token = keystone.authenticate(HeatSessions.authMethod(credential));
            tokenOf = credential;
        }
        return token;
    }

    private Map<String, JsonNode> newHandles(URI heat, String token, String stackName, String stackId) {
        ServiceResponse list = http.send("GET", URI.create(heat + "/stacks/" + stackName + "/" + stackId
                + "/resources?nested_depth=3"), Map.of("X-Auth-Token", token), null, RetryPolicy.DEFAULT);
        Map<String, JsonNode> fresh = new LinkedHashMap<>();
        for (JsonNode resource : list.body().path("resources")) {
            if (!resource.path("resource_type").asText().equals("OS::Heat::WaitConditionHandle")
                    || !resource.path("resource_status").asText().endsWith("_COMPLETE")) {
                continue;
            }
            String self = selfLink(resource);
            if (signalled.contains(self)) {
                continue;
            }
            JsonNode shown = http.send("GET", URI.create(self), Map.of("X-Auth-Token", token), null,
                    RetryPolicy.DEFAULT).body().path("resource").path("attributes");
            if (shown.hasNonNull("endpoint") && shown.hasNonNull("token")) {
                fresh.put(self, shown);
            }
        }
        return fresh;
    }

    private void signal(JsonNode handle, boolean success, String reason, String data) {
        ServiceResponse response = http.send("POST", URI.create(handle.path("endpoint").asText()),
                Map.of("X-Auth-Token", handle.path("token").asText()),
                Map.of("status", success ? "SUCCESS" : "FAILURE", "reason", reason, "data", data,
                        "id", "node-" + data), RetryPolicy.DEFAULT);
        if (!response.isSuccess()) {
            throw new AssertionError("Signal refused: HTTP " + response.status() + " " + response.errorMessage());
        }
    }

    private static String selfLink(JsonNode resource) {
        for (JsonNode link : resource.path("links")) {
            if (link.path("rel").asText().equals("self")) {
                return link.path("href").asText();
            }
        }
        throw new AssertionError("resource without a self link: " + resource);
    }

}
