package dev.magnetar.server.api.auth;

import dev.magnetar.core.context.RequestContext;
import dev.magnetar.core.error.ErrorKind;
import dev.magnetar.core.error.MagnetarException;
import dev.magnetar.core.port.TokenValidator;
import io.javalin.http.Context;

/**
 * {@code keystone}: every request must carry an {@code X-Auth-Token} that the identity service
 * validates. No token or a bad one is a 401 with a {@code WWW-Authenticate} challenge naming the
 * service, as keystonemiddleware answers; the service being unreachable is a 503, never a pass.
 */
public final class KeystoneContexts implements RequestContexts {

    public static final String AUTH_HEADER = "X-Auth-Token";

    private final TokenValidator tokens;

    public KeystoneContexts(TokenValidator tokens) {
        this.tokens = tokens;
    }

    @Override
    public RequestContext authenticate(Context http, String requestId) {
        try {
            return tokens.authenticate(http.header(AUTH_HEADER), requestId);
        } catch (MagnetarException e) {
            if (e.kind() == ErrorKind.NOT_AUTHENTICATED) {
                http.header("WWW-Authenticate", tokens.challenge());
            }
            throw e;
        }
    }
}
