package dev.magnetar.server.api;

import dev.magnetar.core.context.RequestContext;
import dev.magnetar.core.error.ErrorKind;
import dev.magnetar.core.error.MagnetarException;
import dev.magnetar.openstack.keystone.InvalidTokenException;
import dev.magnetar.openstack.keystone.KeystoneClient;
import dev.magnetar.openstack.keystone.KeystoneUnavailableException;
import dev.magnetar.openstack.keystone.TokenInfo;
import io.javalin.http.Context;

/**
 * {@code keystone}: every request must carry an {@code X-Auth-Token} that Keystone validates (cached
 * until it expires or the cache's maximum age passes). No token or a bad one is a 401 naming
 * Keystone as keystonemiddleware does; Keystone being unreachable is a 503, never a pass.
 */
public final class KeystoneContexts implements RequestContexts {

    public static final String AUTH_HEADER = "X-Auth-Token";

    private final KeystoneClient keystone;
    private final String challenge;

    public KeystoneContexts(KeystoneClient keystone) {
        this.keystone = keystone;
        this.challenge = "Keystone uri=\"" + keystone.settings().authUrl() + "\"";
    }

    @Override
    public RequestContext authenticate(Context http, String requestId) {
        String token = http.header(AUTH_HEADER);
        TokenInfo info;
        try {
            info = keystone.validate(token);
        } catch (InvalidTokenException e) {
            http.header("WWW-Authenticate", challenge);
            throw new MagnetarException(ErrorKind.NOT_AUTHENTICATED,
                    "The request you have made requires authentication.");
        } catch (KeystoneUnavailableException e) {
            throw MagnetarException.unavailable("The identity service cannot validate the token now; try again later.");
        }
        if (!info.isProjectScoped()) {
            throw MagnetarException.forbidden("A project-scoped token is required.");
        }
        return info.toRequestContext(requestId, token);
    }
}
