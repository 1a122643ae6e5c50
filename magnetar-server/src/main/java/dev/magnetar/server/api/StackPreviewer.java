package dev.magnetar.server.api;

import dev.magnetar.core.context.RequestContext;
import dev.magnetar.core.service.ClusterRequest;

import java.util.Map;

/**
 * Renders what a cluster create would send to the orchestrator, and the files each node role would
 * receive, without creating anything.
 */
public interface StackPreviewer {

    /** JSON-ready: {@code {"stack": {template, files, environment, parameters}, "nodes": {role: {file: content}}}}. */
    Map<String, Object> preview(RequestContext context, ClusterRequest request);
}
