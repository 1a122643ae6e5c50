package dev.magnetar.server.api.views;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.magnetar.core.context.RequestContext;
import dev.magnetar.core.service.Policy;
import dev.magnetar.server.api.ApiVersion;
import dev.magnetar.server.api.Json;
import dev.magnetar.server.api.Requests;
import io.javalin.http.Context;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;
import java.util.function.Supplier;

/**
 * Cluster-template lists as rendered, kept so that a list whose rows did not change is neither read
 * nor serialised again, and answered {@code 304 Not Modified} when the client already has it.
 *
 * <p><b>When a rendering may be reused.</b> Each is stored with the template generation read before
 * its rows (see {@code ClusterTemplateRepository#generation}: every template write, on any replica,
 * changes it in the same transaction). A request reads the generation once, a primary-key read, and
 * reuses a rendering only when it was made at that same generation, so a write through any replica is
 * seen by the next request on every replica. Rows read after the generation can only be newer than it,
 * which at worst renders once more.
 *
 * <p><b>What a rendering depends on</b>, all of it in the {@link Key}: the path (collection, legacy
 * name, {@code /detail}, {@code /v1} or not), the query (paging and sorting), the negotiated
 * microversion, the base URL the links are built from, and who asks: which rows are visible and how
 * each is shown depend on the caller's project, on whether the caller is an admin, and on whether the
 * caller only reads (a reader sees secret label values masked, see {@code LabelSecrets#mayRead}), and
 * on nothing else of the caller. A view that comes to depend on more of the caller (another role, the
 * user) must add it to the key.
 */
public final class RenderedLists {

    /** Bodies kept at most, in bytes: 100 templates render to about 120 KB. */
    static final long MAX_BYTES = 64L * 1024 * 1024;

    private final Cache<Key, Rendering> renderings = Caffeine.newBuilder()
            .maximumWeight(MAX_BYTES)
            .weigher((Key key, Rendering rendering) -> rendering.body().length)
            .build();

    /** Everything a list's rendering depends on besides the rows. */
    public record Key(String path, String query, ApiVersion version, String baseUrl, String projectId, boolean admin,
               boolean readsOnly) {

        public static Key of(Context http, String path) {
            RequestContext caller = Requests.context(http);
            String query = http.queryString();
            return new Key(path, query == null ? "" : query, Requests.version(http), Requests.baseUrl(http),
                    caller.projectId(), caller.isAdmin(), Policy.readsOnly(caller));
        }
    }

    /** A rendered body and its entity tag, made at {@code generation}. */
    record Rendering(long generation, byte[] body, String etag) {
    }

    /**
     * Answers the list: from the rendering kept for {@code key} when it was made at the current
     * {@code generation}, else from {@code render}, which reads the rows and builds the body.
     */
    public void respond(Context http, Key key, long generation, Supplier<JsonNode> render) {
        Rendering rendering = renderings.getIfPresent(key);
        if (rendering == null || rendering.generation() != generation) {
            rendering = rendered(generation, render.get());
            renderings.put(key, rendering);
        }
        http.header("ETag", rendering.etag());
        if (matches(http.header("If-None-Match"), rendering.etag())) {
            http.status(304);
            return;
        }
        http.contentType("application/json");
        http.result(rendering.body());
    }

    /** How many renderings are kept (for tests). */
    long size() {
        renderings.cleanUp();
        return renderings.estimatedSize();
    }

    private static Rendering rendered(long generation, JsonNode body) {
        byte[] bytes;
        try {
            bytes = Json.MAPPER.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A list view could not be serialised", e);
        }
        return new Rendering(generation, bytes, etag(bytes));
    }

    /** A strong entity tag from the body itself: equal tags mean equal bytes, whoever asked. */
    private static String etag(byte[] body) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(body);
            return "\"" + Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(digest, 18)) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    /** RFC 9110 If-None-Match for a GET: {@code *} or a list of tags, weak ones compared weakly. */
    static boolean matches(String ifNoneMatch, String etag) {
        if (ifNoneMatch == null || ifNoneMatch.isBlank()) {
            return false;
        }
        for (String candidate : ifNoneMatch.split(",")) {
            String tag = candidate.trim();
            if (tag.equals("*") || tag.equals(etag) || (tag.startsWith("W/") && tag.substring(2).equals(etag))) {
                return true;
            }
        }
        return false;
    }
}
