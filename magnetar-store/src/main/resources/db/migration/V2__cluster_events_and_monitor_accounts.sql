-- Cluster history and the monitor's per-cluster accounts (placeholders as in V1).

-- One row per thing that happened to a cluster, in insertion order (id). Kept after the cluster's
-- row is gone, so an operator can read how it ended; cluster_uuid is therefore not a foreign key.
CREATE TABLE cluster_events (
    id                    ${id},
    cluster_uuid          VARCHAR(36) ${collate} NOT NULL,
    project_id            VARCHAR(255) ${collate},
    kind                  VARCHAR(32) ${collate} NOT NULL,
    actor                 VARCHAR(255) ${collate} NOT NULL,
    reason                ${text},
    status                VARCHAR(32) ${collate},
    health_status         VARCHAR(32) ${collate},
    created_at            ${timestamp} NOT NULL
) ${table};

CREATE INDEX ix_cluster_events_cluster ON cluster_events (cluster_uuid, id);

-- The account a cluster's COE was installed with for Magnetar's monitor. The private key is sealed
-- with the service's secret key (AES-GCM); the row goes when the cluster's row goes.
CREATE TABLE monitor_accounts (
    id                    ${id},
    cluster_uuid          VARCHAR(36) ${collate} NOT NULL,
    account_uid           VARCHAR(255) ${collate} NOT NULL,
    public_key            ${text}      NOT NULL,
    sealed_private_key    ${text}      NOT NULL,
    created_at            ${timestamp} NOT NULL,
    CONSTRAINT uq_monitor_accounts_cluster UNIQUE (cluster_uuid),
    CONSTRAINT fk_monitor_accounts_cluster FOREIGN KEY (cluster_uuid) REFERENCES clusters (uuid) ON DELETE CASCADE
) ${table};
