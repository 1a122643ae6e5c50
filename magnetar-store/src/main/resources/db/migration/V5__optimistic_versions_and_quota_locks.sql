-- Optimistic concurrency and quotas that hold under concurrent creates (placeholders as in V1).

-- Every stored change of a template or a quota increments its version, and an update names the
-- version it was computed from: a write based on a stale read changes nothing (clusters have had
-- this since V1).
ALTER TABLE cluster_templates ADD COLUMN version BIGINT DEFAULT 0 NOT NULL;
ALTER TABLE quotas ADD COLUMN version BIGINT DEFAULT 0 NOT NULL;

-- One row per (project, resource) that has been checked against its quota. A create locks its row
-- for the rest of its transaction before it counts the project's clusters, so creates in one project
-- count and insert one after another on every replica, and the count is always that of the rows
-- themselves. The row holds no usage: it is only what the lock is taken on, made by the first create
-- of a project (the explicit quota, which may not exist, cannot serve).
CREATE TABLE quota_locks (
    project_id            VARCHAR(255) ${collate} NOT NULL,
    resource              VARCHAR(255) ${collate} NOT NULL,
    locked_at             ${timestamp},
    CONSTRAINT pk_quota_locks PRIMARY KEY (project_id, resource)
) ${table};
