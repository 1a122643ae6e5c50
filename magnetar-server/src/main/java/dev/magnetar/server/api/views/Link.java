package dev.magnetar.server.api.views;

import java.util.List;

/** One of a resource's {@code links}. */
public record Link(String href, String rel) {

    /** Self under /v1 and the unversioned bookmark. */
    public static List<Link> of(String baseUrl, String collection, String uuid) {
        return List.of(new Link(baseUrl + "/v1/" + collection + "/" + uuid, "self"),
                new Link(baseUrl + "/" + collection + "/" + uuid, "bookmark"));
    }
}
