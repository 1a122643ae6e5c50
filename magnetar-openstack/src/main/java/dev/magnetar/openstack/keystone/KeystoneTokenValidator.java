package dev.magnetar.openstack.keystone;

import dev.magnetar.core.context.RequestContext;
import dev.magnetar.core.error.ErrorKind;
import dev.magnetar.core.error.MagnetarException;
import dev.magnetar.core.port.TokenValidator;

/**
 * Keystone's validation of a user's token (cached by {@link KeystoneClient} until it expires or the
 * cache's maximum age passes). No token or a bad one is refused naming Keystone as keystonemiddleware
 * does; Keystone being unreachable is unavailable, never a pass.
 */
public final class KeystoneTokenValidator implements TokenValidator {

    private final KeystoneClient keystone;

    public KeystoneTokenValidator(KeystoneClient keystone) {
        this.keystone = keystone;
    }

    @Override
    public RequestContext authenticate(String token, String requestId) {
        TokenInfo info;
        try {
            info = keystone.validate(token);
        } catch (InvalidTokenException e) {
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

    @Override
    public String challenge() {
        return "Keystone uri=\"" + keystone.settings().authUrl() + "\"";
    }
}
