package dev.magnetar.openstack.heat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.magnetar.core.port.Orchestrator;
import dev.magnetar.core.port.OrchestratorException;
import dev.magnetar.core.port.OrchestratorException.Kind;
import dev.magnetar.core.port.Stack;
import dev.magnetar.core.port.StackAction;
import dev.magnetar.core.port.StackCredential;
import dev.magnetar.core.port.StackPhase;
import dev.magnetar.core.port.StackRequest;
import dev.magnetar.core.port.StackResource;
import dev.magnetar.core.port.StackStatus;
import dev.magnetar.core.port.StackUpdate;
import dev.magnetar.openstack.http.OpenStackHttp;
import dev.magnetar.openstack.http.ServiceResponse;
import dev.magnetar.openstack.http.ServiceUnavailableException;
import dev.magnetar.openstack.keystone.KeystoneClient;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The {@link Orchestrator} port on OpenStack Heat's v1 API. Every call authenticates with the
 * cluster's credential (or the service's own token) and finds Heat in that token's catalogue.
 * Heat's statuses are passed through as Heat spells them, rollback ones included. Calls that get
 * no answer or a 5xx are retried with backoff, then reported as {@link Kind#TRANSIENT}; a 4xx is
 * Heat's verdict, reported with Heat's own message ({@code 404} as {@link Kind#NOT_FOUND},
 * {@code 409} as {@link Kind#CONFLICT}, others as {@link Kind#REJECTED}).
 */
public final class HeatOrchestrator implements Orchestrator {

    private static final Pattern STACK_NAME = Pattern.compile("[a-zA-Z][a-zA-Z0-9_.-]{0,254}");

    private final HeatSettings settings;
    private final HeatSessions sessions;
    private final OpenStackHttp http;

    public HeatOrchestrator(KeystoneClient keystone, HeatSettings settings) {
        this(keystone, settings, new OpenStackHttp(Duration.ofSeconds(5), settings.requestTimeout()), Clock.systemUTC());
    }

    public HeatOrchestrator(KeystoneClient keystone, HeatSettings settings, OpenStackHttp http, Clock clock) {
        this.settings = settings;
        this.sessions = new HeatSessions(keystone, settings, clock);
        this.http = http;
    }

    @Override
    public String create(StackRequest request) {
        requireStackName(request.name());
        ServiceResponse response = call("POST", "/stacks",
                HeatJson.createBody(request, settings.resourceRegistryOverrides()), request.credential());
        if (response.status() == 201) {
            return response.body().path("stack").path("id").asText();
        }
        if (response.status() == 409) {
            // A lost answer to an earlier attempt may have created it: adopt it if it carries our tags.
            Optional<JsonNode> existing = show(request.name(), request.credential());
            if (existing.isPresent() && carriesTags(existing.get(), request.tags())) {
                return existing.get().path("id").asText();
            }
        }
        throw failure(response, "create stack " + request.name());
    }

    @Override
    public Optional<Stack> find(String name, StackCredential credential) {
        return show(name, credential).map(HeatJson::stack);
    }

    /** Heat's {@code stack} object for the name, unless there is none or it is DELETE_COMPLETE. */
    private Optional<JsonNode> show(String name, StackCredential credential) {
        requireStackName(name);
        ServiceResponse lookup = call("GET", "/stacks/" + name, null, credential);
        if (lookup.status() == 404) {
            return Optional.empty();
        }
        ServiceResponse shown = lookup;
        if (lookup.status() == 302 || lookup.status() == 301) {
            String location = lookup.header("Location")
                    .orElseThrow(() -> new OrchestratorException(Kind.TRANSIENT, "Heat redirected without a Location"));
            String id = location.substring(location.lastIndexOf('/') + 1);
            shown = call("GET", "/stacks/" + name + "/" + id, null, credential);
            if (shown.status() == 404) {
                return Optional.empty();
            }
        }
        if (!shown.isSuccess()) {
            throw failure(shown, "show stack " + name);
        }
        JsonNode stack = shown.body().path("stack");
        return HeatStackStatus.parse(stack.path("stack_status").asText()).is(StackAction.DELETE, StackPhase.COMPLETE)
                ? Optional.empty() : Optional.of(stack);
    }

    /**
     * Patches the changed parameters onto the existing template. Refuses with {@link Kind#CONFLICT}
     * while the stack is in any {@code *_IN_PROGRESS} status: Heat's convergence engine would accept
     * a second update and cancel the running one, which can leave the stack UPDATE_FAILED, so a
     * retried update must not reach Heat while the first is still running.
     */
    @Override
    public void update(String name, String id, StackUpdate update, StackCredential credential) {
        requireStackName(name);
        ServiceResponse shown = call("GET", "/stacks/" + name + "/" + id, null, credential);
        if (!shown.isSuccess()) {
            throw failure(shown, "show stack " + name);
        }
        StackStatus status = HeatStackStatus.parse(shown.body().path("stack").path("stack_status").asText());
        if (status.isInProgress()) {
            throw new OrchestratorException(Kind.CONFLICT, "Stack " + name + " is " + status
                    + "; it is not updated again until that finishes.");
        }
        ServiceResponse response = call(update.template().isPresent() ? "PUT" : "PATCH", "/stacks/" + name + "/" + id,
                HeatJson.updateBody(update, settings.resourceRegistryOverrides()), credential);
        if (!response.isSuccess()) {
            throw failure(response, "update stack " + name);
        }
    }

    @Override
    public void delete(String name, String id, StackCredential credential) {
        requireStackName(name);
        ServiceResponse response = call("DELETE", "/stacks/" + name + "/" + id, null, credential);
        if (!response.isSuccess() && response.status() != 404) {
            throw failure(response, "delete stack " + name);
        }
    }

    @Override
    public List<StackResource> resources(String name, String id, int nestedDepth, StackCredential credential) {
        requireStackName(name);
        ServiceResponse response = call("GET", "/stacks/" + name + "/" + id + "/resources?nested_depth="
                + Math.max(0, nestedDepth), null, credential);
        if (!response.isSuccess()) {
            throw failure(response, "list the resources of stack " + name);
        }
        return HeatJson.resources(response.body(), id);
    }

    private ServiceResponse call(String method, String path, Object body, StackCredential credential) {
        ServiceResponse response = attempt(method, path, body, credential);
        if (response.status() == 401) {
            sessions.forget(credential); // the cached token was revoked or expired early: get a new one
            response = attempt(method, path, body, credential);
        }
        return response;
    }

    private ServiceResponse attempt(String method, String path, Object body, StackCredential credential) {
        HeatSessions.Session session = sessions.open(credential);
        try {
            return http.send(method, URI.create(session.endpoint() + path), Map.of("X-Auth-Token", session.token()),
                    body, settings.retry());
        } catch (ServiceUnavailableException e) {
            throw new OrchestratorException(Kind.TRANSIENT, "Heat is unavailable: " + e.getMessage(), e);
        }
    }

    private static OrchestratorException failure(ServiceResponse response, String what) {
        String message = "Heat refused to " + what + ": " + response.errorMessage();
        return switch (response.status()) {
            case 404 -> new OrchestratorException(Kind.NOT_FOUND, message);
            case 409 -> new OrchestratorException(Kind.CONFLICT, message);
            default -> new OrchestratorException(Kind.REJECTED, message);
        };
    }

    private static boolean carriesTags(JsonNode stack, List<String> tags) {
        if (tags == null || tags.isEmpty()) {
            return false; // nothing proves the stack is ours
        }
        List<String> present = new java.util.ArrayList<>();
        stack.path("tags").forEach(tag -> present.add(tag.asText()));
        return present.containsAll(tags);
    }

    private static void requireStackName(String name) {
        if (name == null || !STACK_NAME.matcher(name).matches()) {
            throw new OrchestratorException(Kind.REJECTED, "Invalid stack name " + name
                    + ": Heat needs a letter followed by letters, digits, '_', '-' or '.'.");
        }
    }
}
