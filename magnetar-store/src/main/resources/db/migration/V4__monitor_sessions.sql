-- The login token the monitor kept from its last login to a cluster's COE, sealed with the service's
-- secret key like the account's private key, and when the COE stops accepting it. Kept across service
-- restarts and shared by replicas, so a cluster is logged in to once per token lifetime. Both NULL
-- when the monitor keeps none.
ALTER TABLE monitor_accounts ADD COLUMN sealed_session_token ${text};
ALTER TABLE monitor_accounts ADD COLUMN session_expires_at ${timestamp};
