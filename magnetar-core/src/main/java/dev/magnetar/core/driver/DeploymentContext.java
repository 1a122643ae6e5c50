package dev.magnetar.core.driver;

import dev.magnetar.core.port.StackCredential;


/**
 * What a driver may know beyond the template and cluster when it renders a stack: where the cloud's
 * identity service is, whose project the cluster lives in, the per-cluster credential the nodes may
 * use (e.g. for Cinder through REX-Ray), and the driver's service-wide settings from configuration.
 */
public record DeploymentContext(String authUrl, String regionName, String projectName, String domainName,
                                StackCredential nodeCredential, DriverSettings settings,
                                MonitorAccount monitorAccount) {

    public DeploymentContext {
        nodeCredential = nodeCredential == null ? StackCredential.NONE : nodeCredential;
        settings = settings == null ? DriverSettings.EMPTY : settings;
    }

    /** A context without a monitoring account. */
    public DeploymentContext(String authUrl, String regionName, String projectName, String domainName,
                             StackCredential nodeCredential, DriverSettings settings) {
        this(authUrl, regionName, projectName, domainName, nodeCredential, settings, null);
    }

    /**
     * The service account a cluster is installed with so that Magnetar's monitor can log in to a
     * COE that requires authentication (DC/OS with {@code oauth_enabled}). Magnetar keeps the private
     * key; only the public key goes into the stack.
     */
    public record MonitorAccount(String uid, String publicKeyPem) {
    }

    /** The same context, installing {@code account} for the monitor. */
    public DeploymentContext withMonitorAccount(MonitorAccount account) {
        return new DeploymentContext(authUrl, regionName, projectName, domainName, nodeCredential, settings, account);
    }

    /** A context with no cloud identity, for previews and the simulated cloud. */
    public static DeploymentContext local(DriverSettings settings) {
        return new DeploymentContext("http://127.0.0.1:5000/v3", "RegionOne", "", "Default", StackCredential.NONE,
                settings);
    }

    @Override
    public String toString() {
        return "DeploymentContext[authUrl=" + authUrl + ", region=" + regionName + ", project=" + projectName + "]";
    }

    /** Unused keys are allowed so one configuration file can serve several releases. */
    public String setting(String key, String fallback) {
        return settings.get(key, fallback);
    }

}
