-- The node groups a user added to a cluster (Magnum's nodegroups beyond the default master and worker
-- ones), as part of the cluster's spec, and what was observed of each, as part of its observed state:
-- JSON text in the cluster's row, written in the same optimistic update as the rest of the cluster
-- (docs/design/0007-node-groups-in-the-cluster-spec.md). Absent means none.
ALTER TABLE clusters ADD COLUMN node_groups ${text};
ALTER TABLE clusters ADD COLUMN node_group_states ${text};
