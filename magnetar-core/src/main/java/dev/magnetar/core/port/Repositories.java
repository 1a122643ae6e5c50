package dev.magnetar.core.port;

/** The repositories bound to one transaction. */
public interface Repositories {
    ClusterTemplateRepository templates();

    ClusterRepository clusters();

    OperationRepository operations();

    ConductorRepository conductors();

    QuotaRepository quotas();

    ClusterEventRepository events();

    MonitorAccountRepository monitorAccounts();

    CaPinRepository caPins();
}
