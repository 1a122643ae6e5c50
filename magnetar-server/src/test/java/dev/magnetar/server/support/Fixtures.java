package dev.magnetar.server.support;

import java.util.LinkedHashMap;
import java.util.Map;

/** Request bodies the API tests start from. */
public final class Fixtures {

    private Fixtures() {
    }

    /** A valid template for the test-only driver (kubernetes on the fedora-coreos image). */
    public static Map<String, Object> template(String name) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", name);
        body.put("coe", "kubernetes");
        body.put("image_id", "fedora-coreos");
        body.put("keypair_id", "testkey");
        body.put("external_network_id", "public");
        body.put("flavor_id", "m1.small");
        body.put("master_lb_enabled", true);
        return body;
    }

    public static Map<String, Object> with(Map<String, Object> body, String key, Object value) {
        Map<String, Object> copy = new LinkedHashMap<>(body);
        if (value == null) {
            copy.remove(key);
        } else {
            copy.put(key, value);
        }
        return copy;
    }

    public static Map<String, Object> cluster(String name, String template) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", name);
        body.put("cluster_template_id", template);
        body.put("node_count", 1);
        return body;
    }
}
