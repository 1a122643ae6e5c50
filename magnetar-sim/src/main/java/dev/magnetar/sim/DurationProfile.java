package dev.magnetar.sim;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * How long the simulated cloud takes to create each resource type; updates take as long as a
 * create, deletes {@code deleteFraction} of it. {@link #realistic()} feels like a small cloud in
 * demos; {@link #fast()} settles everything at once for tests.
 */
public record DurationProfile(Map<String, Duration> byType, Duration otherwise, double deleteFraction) {

    public DurationProfile {
        byType = Map.copyOf(byType);
    }

    /** Servers 3 s, wait conditions 5 s, load balancers 2 s, volumes 1 s, everything else 0.2 s. */
    public static DurationProfile realistic() {
        Map<String, Duration> byType = new HashMap<>();
        byType.put("OS::Nova::Server", Duration.ofSeconds(3));
        byType.put("OS::Heat::WaitCondition", Duration.ofSeconds(5));
        byType.put("OS::Octavia::LoadBalancer", Duration.ofSeconds(2));
        byType.put("OS::Cinder::Volume", Duration.ofSeconds(1));
        byType.put("OS::Heat::SoftwareDeployment", Duration.ofSeconds(1));
        byType.put("OS::Heat::None", Duration.ZERO);
        return new DurationProfile(byType, Duration.ofMillis(200), 0.5);
    }

    /** Every operation settles the moment it starts. */
    public static DurationProfile fast() {
        return new DurationProfile(Map.of(), Duration.ZERO, 0);
    }

    /** This profile with one type's duration replaced. */
    public DurationProfile with(String type, Duration duration) {
        Map<String, Duration> changed = new HashMap<>(byType);
        changed.put(type, duration);
        return new DurationProfile(changed, otherwise, deleteFraction);
    }

    public Duration create(String type) {
        return byType.getOrDefault(type, otherwise);
    }

    public Duration delete(String type) {
        return Duration.ofMillis(Math.round(create(type).toMillis() * deleteFraction));
    }
}
