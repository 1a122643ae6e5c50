package dev.magnetar.core.port;

import dev.magnetar.core.context.RequestContext;

/**
 * The identity service that vouches for a caller's token (Keystone, in {@code keystone} auth mode).
 * Refusals are {@link dev.magnetar.core.error.MagnetarException}s whose kind is the answer: not
 * authenticated (no token, or one the service does not know), forbidden (a token not scoped to a
 * project), or unavailable (the service cannot answer now; never a pass).
 */
public interface TokenValidator {

    /** The caller a project-scoped token stands for, with this request's id. */
    RequestContext authenticate(String token, String requestId);

    /** What a refused caller is told in {@code WWW-Authenticate}: where its tokens come from. */
    String challenge();
}
