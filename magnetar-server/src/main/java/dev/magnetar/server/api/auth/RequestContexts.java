package dev.magnetar.server.api.auth;

import dev.magnetar.core.context.RequestContext;
import io.javalin.http.Context;

/**
 * Turns an HTTP request into the caller's {@link RequestContext}. One implementation per auth mode:
 * {@code noauth} trusts headers, {@code keystone} validates the token.
 */
public interface RequestContexts {

    /** Builds the context, or throws a {@link dev.magnetar.core.error.MagnetarException} (401/503). */
    RequestContext authenticate(Context http, String requestId);
}
