package dev.magnetar.sim;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The addresses a simulated stack has handed out: private ones from 10.0.0.3 and floating ones
 * from 172.24.4.10, in creation order. A resource that survives an update keeps its address; a
 * new one gets the next, never a recycled one.
 *
 * @param assigned address by resource path and purpose, e.g. {@code nodes/0/port#fixed}
 */
public record AddressBook(int nextPrivate, int nextFloating, Map<String, String> assigned) {

    public static final AddressBook EMPTY = new AddressBook(0, 0, Map.of());

    public AddressBook {
        assigned = Map.copyOf(assigned);
    }

    /** Hands out addresses for one plan, reusing those of the previous book. */
    static final class Allocator {
        private final AddressBook previous;
        private int nextPrivate;
        private int nextFloating;
        private final Map<String, String> assigned = new LinkedHashMap<>();

        Allocator(AddressBook previous) {
            this.previous = previous;
            this.nextPrivate = previous.nextPrivate();
            this.nextFloating = previous.nextFloating();
        }

        String privateAddress(String key) {
            return assigned.computeIfAbsent(key, k -> previous.assigned().containsKey(k)
                    ? previous.assigned().get(k) : ipv4(10 << 24 | 3 + nextPrivate++));
        }

        String floatingAddress(String key) {
            return assigned.computeIfAbsent(key, k -> previous.assigned().containsKey(k)
                    ? previous.assigned().get(k) : ipv4(172 << 24 | 24 << 16 | 4 << 8 | 10 + nextFloating++));
        }

        AddressBook book() {
            return new AddressBook(nextPrivate, nextFloating, assigned);
        }

        private static String ipv4(int address) {
            return (address >>> 24 & 255) + "." + (address >>> 16 & 255) + "." + (address >>> 8 & 255) + "." + (address & 255);
        }
    }
}
