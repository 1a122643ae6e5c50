package dev.magnetar.core.service;

import java.util.List;
import java.util.random.RandomGenerator;

/**
 * Names for resources created without one, in Magnum's style: {@code <greek letter>-<n>-<kind>},
 * e.g. {@code zeta-7-cluster}. Names are not unique, so no uniqueness is attempted.
 */
public final class NameGenerator {

    private static final List<String> LETTERS = List.of("alpha", "beta", "gamma", "delta", "epsilon", "zeta", "eta",
            "theta", "iota", "kappa", "lambda", "mu", "nu", "xi", "omicron", "pi", "rho", "sigma", "tau", "upsilon",
            "phi", "chi", "psi", "omega");

    private final RandomGenerator random;

    public NameGenerator(RandomGenerator random) {
        this.random = random;
    }

    public String generate(String kind) {
        return LETTERS.get(random.nextInt(LETTERS.size())) + "-" + (1 + random.nextInt(24)) + "-" + kind;
    }
}
