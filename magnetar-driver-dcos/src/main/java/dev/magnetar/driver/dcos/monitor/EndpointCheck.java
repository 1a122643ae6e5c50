package dev.magnetar.driver.dcos.monitor;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One Admin Router endpoint the monitor reads, and what it concludes from the answer. Checks are
 * pure: a parsed body in, findings out, so each is specified without a network.
 */
interface EndpointCheck {

    /** The path under the cluster's api_address. */
    String path();

    /** The reason key used when the endpoint itself fails to answer properly. */
    String component();

    /** Reads a 200 answer's JSON body. */
    void read(JsonNode body, ClusterShape shape, Findings findings);

    /** The endpoint gave no usable answer; most checks count that as their component failing. */
    default void unavailable(String why, Findings findings) {
        findings.fail(component(), why);
    }
}
