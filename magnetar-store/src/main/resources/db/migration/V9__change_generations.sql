-- A counter per kind of row that every write of such a row increments in its own transaction, so
-- any replica can tell with one primary-key read whether anything it rendered from those rows may
-- have changed since (the API's cached template lists). Only ever incremented; the value means
-- nothing but "different from before".
CREATE TABLE change_generations (
    name       VARCHAR(64) ${collate} NOT NULL PRIMARY KEY,
    generation BIGINT NOT NULL
) ${table};

INSERT INTO change_generations (name, generation) VALUES ('cluster_templates', 0);
