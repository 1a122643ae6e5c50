-- Key pairs made ahead of time for the monitoring accounts of clusters not yet created, so that
-- generating an RSA key (tens of milliseconds of CPU) is off the create path. The private key is
-- sealed with the service's secret key, as on monitor_accounts. A create takes one row (deletes it)
-- in the transaction that stores the cluster's account with the same key pair.
CREATE TABLE monitor_spare_keys (
    id                    ${id},
    key_id                VARCHAR(36) ${collate} NOT NULL,
    public_key            ${text}      NOT NULL,
    sealed_private_key    ${text}      NOT NULL,
    created_at            ${timestamp} NOT NULL,
    CONSTRAINT uq_monitor_spare_keys_key UNIQUE (key_id)
) ${table};
