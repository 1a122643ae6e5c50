-- Magnetar's schema, one script for H2, PostgreSQL and MariaDB. The few vendor differences are
-- Flyway placeholders filled in by dev.magnetar.store.Dialect:
--   ${id}        an auto-increment BIGINT primary key (insertion order, the paging tiebreaker)
--   ${timestamp} a UTC wall-clock timestamp with microseconds, no time zone conversion
--   ${text}      unbounded text (JSON maps and lists, reasons)
--   ${collate}   the collation of string columns, and ${table} the table options (MariaDB: InnoDB,
--                utf8mb4): strings compare and sort by code point, case- and space-sensitively, on
--                every engine, whatever the server's locale (PostgreSQL "C", MariaDB
--                utf8mb4_nopad_bin, H2's default)
-- Column names are Magnum's API field names; the exception is conductors.binary_name, because
-- "binary" is reserved on PostgreSQL and MariaDB.

CREATE TABLE cluster_templates (
    id                    ${id},
    uuid                  VARCHAR(36) ${collate} NOT NULL,
    name                  VARCHAR(255) ${collate},
    project_id            VARCHAR(255) ${collate},
    user_id               VARCHAR(255) ${collate},
    coe                   VARCHAR(255) ${collate},
    image_id              VARCHAR(255) ${collate},
    keypair_id            VARCHAR(255) ${collate},
    flavor_id             VARCHAR(255) ${collate},
    master_flavor_id      VARCHAR(255) ${collate},
    external_network_id   VARCHAR(255) ${collate},
    fixed_network         VARCHAR(255) ${collate},
    fixed_subnet          VARCHAR(255) ${collate},
    dns_nameserver        VARCHAR(255) ${collate},
    network_driver        VARCHAR(255) ${collate},
    volume_driver         VARCHAR(255) ${collate},
    apiserver_port        INTEGER,
    docker_volume_size    INTEGER,
    docker_storage_driver VARCHAR(255) ${collate},
    cluster_distro        VARCHAR(255) ${collate},
    http_proxy            VARCHAR(255) ${collate},
    https_proxy           VARCHAR(255) ${collate},
    no_proxy              VARCHAR(255) ${collate},
    registry_enabled      BOOLEAN      NOT NULL,
    labels                ${text}      NOT NULL,
    tls_disabled          BOOLEAN      NOT NULL,
    public                BOOLEAN      NOT NULL,
    server_type           VARCHAR(255) ${collate},
    insecure_registry     VARCHAR(255) ${collate},
    master_lb_enabled     BOOLEAN      NOT NULL,
    floating_ip_enabled   BOOLEAN      NOT NULL,
    hidden                BOOLEAN      NOT NULL,
    tags                  VARCHAR(255) ${collate},
    created_at            ${timestamp},
    updated_at            ${timestamp},
    CONSTRAINT uq_cluster_templates_uuid UNIQUE (uuid)
) ${table};

CREATE INDEX ix_cluster_templates_project ON cluster_templates (project_id);
CREATE INDEX ix_cluster_templates_name ON cluster_templates (name);

CREATE TABLE clusters (
    id                    ${id},
    uuid                  VARCHAR(36) ${collate} NOT NULL,
    name                  VARCHAR(255) ${collate},
    project_id            VARCHAR(255) ${collate},
    user_id               VARCHAR(255) ${collate},
    cluster_template_id   VARCHAR(36) ${collate},
    keypair               VARCHAR(255) ${collate},
    node_count            INTEGER      NOT NULL,
    master_count          INTEGER      NOT NULL,
    docker_volume_size    INTEGER,
    create_timeout        INTEGER      NOT NULL,
    discovery_url         VARCHAR(255) ${collate},
    stack_id              VARCHAR(255) ${collate},
    status                VARCHAR(32) ${collate} NOT NULL,
    status_reason         ${text},
    api_address           VARCHAR(255) ${collate},
    coe_version           VARCHAR(255) ${collate},
    container_version     VARCHAR(255) ${collate},
    master_addresses      ${text}      NOT NULL,
    node_addresses        ${text}      NOT NULL,
    labels                ${text}      NOT NULL,
    master_flavor_id      VARCHAR(255) ${collate},
    flavor_id             VARCHAR(255) ${collate},
    fixed_network         VARCHAR(255) ${collate},
    fixed_subnet          VARCHAR(255) ${collate},
    floating_ip_enabled   BOOLEAN,
    master_lb_enabled     BOOLEAN,
    faults                ${text}      NOT NULL,
    health_status         VARCHAR(32) ${collate},
    health_status_reason  ${text}      NOT NULL,
    created_at            ${timestamp},
    updated_at            ${timestamp},
    version               BIGINT       NOT NULL,
    CONSTRAINT uq_clusters_uuid UNIQUE (uuid)
) ${table};

CREATE INDEX ix_clusters_project ON clusters (project_id);
CREATE INDEX ix_clusters_name ON clusters (name);
CREATE INDEX ix_clusters_status ON clusters (status);
CREATE INDEX ix_clusters_template ON clusters (cluster_template_id);

-- The outbox. seq is the insertion order; id is the operation's own uuid.
CREATE TABLE operations (
    seq                   ${id},
    id                    VARCHAR(36) ${collate} NOT NULL,
    cluster_uuid          VARCHAR(36) ${collate},
    kind                  VARCHAR(32) ${collate} NOT NULL,
    payload               ${text}      NOT NULL,
    state                 VARCHAR(16) ${collate} NOT NULL,
    attempts              INTEGER      NOT NULL,
    lease_owner           VARCHAR(255) ${collate},
    lease_until           ${timestamp},
    not_before            ${timestamp},
    last_error            ${text},
    created_at            ${timestamp},
    updated_at            ${timestamp},
    CONSTRAINT uq_operations_id UNIQUE (id)
) ${table};

CREATE INDEX ix_operations_due ON operations (state, not_before);
CREATE INDEX ix_operations_cluster ON operations (cluster_uuid, state);

CREATE TABLE conductors (
    id                    ${id},
    host                  VARCHAR(255) ${collate} NOT NULL,
    binary_name           VARCHAR(255) ${collate} NOT NULL,
    disabled              BOOLEAN      NOT NULL,
    disabled_reason       VARCHAR(255) ${collate},
    forced_down           BOOLEAN      NOT NULL,
    report_count          INTEGER      NOT NULL,
    last_seen_up          ${timestamp},
    created_at            ${timestamp},
    updated_at            ${timestamp},
    CONSTRAINT uq_conductors_host_binary UNIQUE (host, binary_name)
) ${table};

CREATE TABLE quotas (
    id                    ${id},
    project_id            VARCHAR(255) ${collate} NOT NULL,
    resource              VARCHAR(255) ${collate} NOT NULL,
    hard_limit            INTEGER      NOT NULL,
    created_at            ${timestamp},
    updated_at            ${timestamp},
    CONSTRAINT uq_quotas_project_resource UNIQUE (project_id, resource)
) ${table};
