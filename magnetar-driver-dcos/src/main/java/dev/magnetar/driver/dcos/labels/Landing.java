package dev.magnetar.driver.dcos.labels;

import dev.magnetar.driver.kit.labels.LabelLanding;

/** Where a label's value ends up; the docs and the renderers both read it from the schema. */
public enum Landing implements LabelLanding {
    CONFIG_YAML("genconf/config.yaml key"),
    AGENT_FLAG("agent flag in /var/lib/dcos/mesos-slave-common"),
    HEAT_PARAMETER("Heat parameter"),
    PACKAGE_REPOSITORY("Cosmos package repository, through Admin Router (no stack update)"),
    REJECTED("rejected");

    private final String description;

    Landing(String description) {
        this.description = description;
    }

    @Override
    public String description() {
        return description;
    }

    @Override
    public boolean refuses() {
        return this == REJECTED;
    }
}
