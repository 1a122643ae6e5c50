package dev.magnetar.driver.mesos.labels;

import dev.magnetar.driver.kit.labels.LabelLanding;

/** Where a label's value ends up on the cluster; the renderers and the generated docs both read it. */
public enum Landing implements LabelLanding {
    AGENT_FLAG("Mesos agent flag (/etc/magnetar/mesos-agent.env)"),
    MASTER_FLAG("Mesos master flag (/etc/magnetar/mesos-master.env)"),
    MARATHON_FLAG("Marathon flag (/etc/magnetar/marathon.env)"),
    INSTALL_SETTING("install setting (/etc/magnetar/node-settings)"),
    HEAT_PARAMETER("Heat parameter"),
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
