package dev.magnetar.core.port;

import java.util.List;

/**
 * A stack to create. The name is derived from the cluster's uuid, so a retried create finds the
 * stack an earlier attempt made instead of making a second one.
 */
public record StackRequest(String name, StackSpec spec, int timeoutMinutes, boolean disableRollback,
                           List<String> tags, StackCredential credential) {
}
