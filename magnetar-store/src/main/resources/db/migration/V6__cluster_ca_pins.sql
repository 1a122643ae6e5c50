-- The CA each cluster's COE endpoint (DC/OS: Admin Router) was found to use at the monitor's first
-- contact, pinned so that every later call trusts that CA alone (docs/dcos-driver.md, "TLS to Admin
-- Router"). A CA certificate is public: stored as PEM, not sealed. One per cluster; the row goes when
-- the cluster's row goes. Deleting a row makes the next poll fetch and pin the CA again.
CREATE TABLE cluster_ca_pins (
    id                    ${id},
    cluster_uuid          VARCHAR(36) ${collate} NOT NULL,
    ca_certificate        ${text}      NOT NULL,
    pinned_at             ${timestamp} NOT NULL,
    CONSTRAINT uq_cluster_ca_pins_cluster UNIQUE (cluster_uuid),
    CONSTRAINT fk_cluster_ca_pins_cluster FOREIGN KEY (cluster_uuid) REFERENCES clusters (uuid) ON DELETE CASCADE
) ${table};
