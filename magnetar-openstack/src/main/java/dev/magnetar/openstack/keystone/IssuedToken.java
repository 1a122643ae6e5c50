package dev.magnetar.openstack.keystone;

import java.time.Instant;

/** A token Keystone issued to Magnetar, with what Keystone said about it. */
public record IssuedToken(String value, TokenInfo info) {

    /** Whether the token is still good for {@code margin} beyond {@code now}. */
    public boolean validBeyond(Instant now, java.time.Duration margin) {
        return info.expiresAt().isAfter(now.plus(margin));
    }

    @Override
    public String toString() {
        return "IssuedToken[value=***, info=" + info + "]";
    }
}
