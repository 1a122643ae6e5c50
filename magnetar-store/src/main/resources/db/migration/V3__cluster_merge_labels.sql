-- Whether a cluster's labels were merged over its template's (Magnum's merge_labels), as requested.
ALTER TABLE clusters ADD COLUMN merge_labels BOOLEAN DEFAULT FALSE NOT NULL;
