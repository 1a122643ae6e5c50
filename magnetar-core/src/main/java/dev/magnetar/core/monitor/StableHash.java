package dev.magnetar.core.monitor;

import java.nio.charset.StandardCharsets;

/**
 * A 64-bit hash of a string that every replica and every release computes alike (unlike
 * {@link String#hashCode()} mixing, which is fine but only 32 bits): FNV-1a, finished with
 * SplitMix64's mixer so that nearby inputs land far apart.
 */
final class StableHash {

    private static final long FNV_OFFSET = 0xcbf29ce484222325L;
    private static final long FNV_PRIME = 0x100000001b3L;

    private StableHash() {
    }

    static long of(String value) {
        long hash = FNV_OFFSET;
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            hash ^= b & 0xff;
            hash *= FNV_PRIME;
        }
        hash ^= hash >>> 30;
        hash *= 0xbf58476d1ce4e5b9L;
        hash ^= hash >>> 27;
        hash *= 0x94d049bb133111ebL;
        return hash ^ (hash >>> 31);
    }
}
