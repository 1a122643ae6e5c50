package dev.magnetar.mesos.agent;

import java.util.Locale;

/** The agent flag names this model covers, and how Mesos reads each from the environment. */
public final class AgentFlagNames {

    public static final String CONTAINERIZERS = "containerizers";
    public static final String ISOLATION = "isolation";
    public static final String LAUNCHER = "launcher";
    public static final String IMAGE_PROVIDERS = "image_providers";
    public static final String EXECUTOR_ENVIRONMENT_VARIABLES = "executor_environment_variables";
    public static final String WORK_DIR = "work_dir";

    private AgentFlagNames() {
    }

    /** Mesos loads every flag {@code --x} from the variable {@code MESOS_X}. */
    public static String environmentVariable(String flag) {
        return "MESOS_" + flag.toUpperCase(Locale.ROOT);
    }
}
