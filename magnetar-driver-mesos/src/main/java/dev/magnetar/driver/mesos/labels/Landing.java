package dev.magnetar.driver.mesos.labels;

import dev.magnetar.driver.kit.labels.LabelLanding;
import dev.magnetar.driver.kit.labels.Landings;

import java.util.List;

/** Where a label's value ends up on the cluster; the renderers and the generated docs both read it. */
public final class Landing {

    public static final LabelLanding AGENT_FLAG = Landings.to("Mesos agent flag (/etc/magnetar/mesos-agent.env)");
    public static final LabelLanding MASTER_FLAG = Landings.to("Mesos master flag (/etc/magnetar/mesos-master.env)");
    public static final LabelLanding MARATHON_FLAG = Landings.to("Marathon flag (/etc/magnetar/marathon.env)");
    public static final LabelLanding INSTALL_SETTING = Landings.to("install setting (/etc/magnetar/node-settings)");
    public static final LabelLanding HEAT_PARAMETER = Landings.to("Heat parameter");
    public static final LabelLanding REJECTED = Landings.REJECTED;

    /** The landings of accepted labels, in the guide's order. */
    public static final List<LabelLanding> ACCEPTED = List.of(AGENT_FLAG, MASTER_FLAG, MARATHON_FLAG,
            INSTALL_SETTING, HEAT_PARAMETER);

    private Landing() {
    }
}
