package dev.magnetar.store;

import dev.magnetar.core.port.CaPinRepository;
import dev.magnetar.core.port.ClusterEventRepository;
import dev.magnetar.core.port.ClusterRepository;
import dev.magnetar.core.port.ClusterTemplateRepository;
import dev.magnetar.core.port.ConductorRepository;
import dev.magnetar.core.port.MonitorAccountRepository;
import dev.magnetar.core.port.OperationRepository;
import dev.magnetar.core.port.QuotaRepository;
import dev.magnetar.core.port.Repositories;
import org.jdbi.v3.core.Handle;

/** The repositories of one transaction: all share its handle, so they commit or roll back together. */
final class JdbiRepositories implements Repositories {

    private final ClusterTemplateRepository templates;
    private final ClusterRepository clusters;
    private final OperationRepository operations;
    private final ConductorRepository conductors;
    private final QuotaRepository quotas;
    private final ClusterEventRepository events;
    private final MonitorAccountRepository monitorAccounts;
    private final CaPinRepository caPins;

    /** @param onTemplateWrite told of every template write in this transaction */
    JdbiRepositories(Handle handle, UniqueKeys uniqueKeys, Dialect dialect, Runnable onTemplateWrite) {
        this.templates = new JdbiClusterTemplateRepository(handle, uniqueKeys, onTemplateWrite);
        this.clusters = new JdbiClusterRepository(handle, uniqueKeys);
        this.operations = new JdbiOperationRepository(handle, uniqueKeys);
        this.conductors = new JdbiConductorRepository(handle, uniqueKeys);
        this.quotas = new JdbiQuotaRepository(handle, uniqueKeys, dialect);
        this.events = new JdbiClusterEventRepository(handle);
        this.monitorAccounts = new JdbiMonitorAccountRepository(handle, uniqueKeys);
        this.caPins = new JdbiCaPinRepository(handle);
    }

    @Override
    public ClusterTemplateRepository templates() {
        return templates;
    }

    @Override
    public ClusterRepository clusters() {
        return clusters;
    }

    @Override
    public OperationRepository operations() {
        return operations;
    }

    @Override
    public ConductorRepository conductors() {
        return conductors;
    }

    @Override
    public QuotaRepository quotas() {
        return quotas;
    }

    @Override
    public ClusterEventRepository events() {
        return events;
    }

    @Override
    public MonitorAccountRepository monitorAccounts() {
        return monitorAccounts;
    }

    @Override
    public CaPinRepository caPins() {
        return caPins;
    }
}
