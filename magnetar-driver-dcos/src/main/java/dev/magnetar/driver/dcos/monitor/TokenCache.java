package dev.magnetar.driver.dcos.monitor;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;

import java.time.Instant;
import java.time.InstantSource;
import java.util.Optional;

/**
 * DC/OS tokens by cluster and account, each kept until shortly before it expires, so a cluster is
 * logged in to once per token lifetime rather than once per poll. Bounded, so clusters that are
 * gone cost nothing for long.
 */
final class TokenCache {

    private static final long MAX_CLUSTERS = 200_000;

    private final Cache<String, AuthToken> tokens;

    TokenCache(InstantSource clock) {
        this.tokens = Caffeine.newBuilder()
                .maximumSize(MAX_CLUSTERS)
                .ticker(() -> nanos(clock.instant()))
                .expireAfter(new Expiry<String, AuthToken>() {
                    @Override
                    public long expireAfterCreate(String key, AuthToken token, long now) {
                        return token.useFor(clock.instant()).toNanos();
                    }

                    @Override
                    public long expireAfterUpdate(String key, AuthToken token, long now, long current) {
                        return token.useFor(clock.instant()).toNanos();
                    }

                    @Override
                    public long expireAfterRead(String key, AuthToken token, long now, long current) {
                        return current;
                    }
                })
                .build();
    }

    static String key(String apiAddress, String uid) {
        return uid + "@" + apiAddress;
    }

    Optional<AuthToken> get(String key) {
        return Optional.ofNullable(tokens.getIfPresent(key));
    }

    void put(String key, AuthToken token) {
        tokens.put(key, token);
    }

    /** Drops a token the cluster no longer accepts. */
    void forget(String key) {
        tokens.invalidate(key);
    }

    private static long nanos(Instant instant) {
        return instant.getEpochSecond() * 1_000_000_000L + instant.getNano();
    }
}
