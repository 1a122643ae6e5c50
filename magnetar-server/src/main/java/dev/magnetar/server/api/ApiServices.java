package dev.magnetar.server.api;

import dev.magnetar.core.driver.DriverRegistry;
import dev.magnetar.core.service.CertificateService;
import dev.magnetar.core.service.ClusterService;
import dev.magnetar.core.service.NodeGroupService;
import dev.magnetar.core.service.ClusterTemplateService;
import dev.magnetar.core.service.ConductorService;
import dev.magnetar.core.service.QuotaService;
import dev.magnetar.core.service.StatsService;

/** The core services the HTTP resources call. */
public record ApiServices(ClusterTemplateService templates, ClusterService clusters, NodeGroupService nodeGroups,
                          QuotaService quotas, StatsService stats, ConductorService conductors, DriverRegistry drivers,
                          CertificateService certificates) {
}
