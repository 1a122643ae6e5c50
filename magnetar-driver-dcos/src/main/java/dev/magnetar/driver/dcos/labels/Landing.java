package dev.magnetar.driver.dcos.labels;

import dev.magnetar.driver.kit.labels.LabelLanding;
import dev.magnetar.driver.kit.labels.Landings;

/** Where a label's value ends up; the docs and the renderers both read it from the schema. */
public final class Landing {

    public static final LabelLanding CONFIG_YAML = Landings.to("genconf/config.yaml key");
    public static final LabelLanding AGENT_FLAG = Landings.to("agent flag in /var/lib/dcos/mesos-slave-common");
    public static final LabelLanding HEAT_PARAMETER = Landings.to("Heat parameter");
    public static final LabelLanding PACKAGE_REPOSITORY =
            Landings.to("Cosmos package repository, through Admin Router (no stack update)");
    public static final LabelLanding REJECTED = Landings.REJECTED;

    private Landing() {
    }
}
