package dev.magnetar.server.config;

import java.util.Locale;

import static dev.magnetar.server.config.OptionType.TEXT;
import static dev.magnetar.server.config.OptionType.atLeast;
import static dev.magnetar.server.config.OptionType.flagOr;
import static dev.magnetar.server.config.OptionType.oneOf;
import static dev.magnetar.server.config.OptionType.wholeNumber;

/**
 * Every configuration option, with its default, the values it takes and its meaning: the one place
 * {@code config-sample}, the configuration reference in docs/, the file parser, the environment
 * overrides ({@code MAGNETAR_<SECTION>_<KEY>}) and the check at start read from.
 */
public enum Option {
    DATA_DIR("service", "data_dir", "./data", TEXT,
            "Directory for the embedded database, the generated secret key and the simulated cloud's state; "
                    + "created 0700 with its files 0600, and serve refuses one that others may enter."),
    SERVICE_SECRET_KEY("service", "secret_key", "", TEXT,
            "Base64 of 32 random bytes that seals stored secrets (monitoring keys); the same on every replica. "
                    + "Empty: generated once into <data_dir>/secret.key (mode 0600), for a single embedded process."),
    API_HOST("api", "host", "127.0.0.1", TEXT, "Address the API listens on."),
    API_PORT("api", "port", "9511", wholeNumber(0, 65535), "Port the API listens on (Magnum's is 9511)."),
    API_AUTH("api", "auth", "noauth", oneOf("noauth", "keystone"),
            "noauth (trust X-Project-Id/X-Roles headers; for local use) or keystone (validate X-Auth-Token)."),
    API_NOAUTH_PROJECT("api", "noauth_project", "admin", TEXT,
            "Project id that noauth requests act in when they send no X-Project-Id header."),
    API_BODY_TIMEOUT("api", "body_timeout_seconds", "20", atLeast(1),
            "A request body must arrive within this long (and no wait for its next bytes may be longer), else 408."),
    API_BODY_READERS("api", "body_readers", "64", atLeast(1),
            "Requests receiving their bodies at once, at most; more are refused with 503 until one finishes, "
                    + "so slow or stalled senders cannot hold every request thread."),
    DATABASE_URL("database", "url", "", TEXT,
            "JDBC URL: jdbc:postgresql://host/db or jdbc:mariadb://host/db. Empty: embedded H2 in data_dir."),
    DATABASE_USER("database", "user", "", TEXT, "Database user."),
    DATABASE_PASSWORD("database", "password", "", TEXT, "Database password."),
    DATABASE_MAX_POOL_SIZE("database", "max_pool_size", "10", atLeast(1), "Connections in the pool."),
    DATABASE_MIGRATE_ON_START("database", "migrate_on_start", "auto", flagOr("auto"),
            "auto (only for the embedded H2), true or false. Otherwise run `magnetar db-upgrade`."),
    BACKEND_KIND("backend", "kind", "simulated", oneOf("simulated", "openstack"),
            "simulated (an in-process stand-in for Heat and the cloud) or openstack (Keystone, Heat, Glance, Nova, Neutron)."),
    CONDUCTOR_WORKERS("conductor", "workers", "2", atLeast(0), "Threads executing cluster operations in this process (0: API only)."),
    CONDUCTOR_HOST("conductor", "host", "", TEXT,
            "Name this replica reports in /v1/mservices. Empty: the machine's host name."),
    CONDUCTOR_POLL_INTERVAL("conductor", "poll_interval_ms", "250", atLeast(1),
            "How often an idle worker looks for due operations, in milliseconds."),
    CONDUCTOR_OPERATION_LEASE("conductor", "operation_lease_seconds", "120", atLeast(1),
            "How long a worker holds an operation before another replica may take it over."),
    CONDUCTOR_RECONCILE_INTERVAL("conductor", "reconcile_interval_ms", "2000", atLeast(1),
            "How often in-progress clusters are synchronised from their stacks, in milliseconds."),
    CONDUCTOR_HEARTBEAT_INTERVAL("conductor", "heartbeat_interval_seconds", "30", atLeast(1),
            "How often this replica reports itself alive."),
    CLUSTER_CREATE_TIMEOUT("cluster", "create_timeout_minutes", "60", atLeast(1),
            "Stack timeout used when a cluster asks for create_timeout 0."),
    CLUSTER_MAX_PER_PROJECT("cluster", "max_clusters_per_project", "20", atLeast(0),
            "Cluster quota of projects without an explicit one."),
    CLUSTER_SERVICE_DOWN_TIME("cluster", "service_down_time_seconds", "180", atLeast(1),
            "A conductor not seen for this long is listed as down."),
    SIMULATION_SPEED("simulation", "speed", "realistic", oneOf("realistic", "instant"),
            "realistic (servers take seconds, like a small cloud) or instant (for tests and benchmarks)."),
    KEYSTONE_AUTH_URL("keystone", "auth_url", "", TEXT,
            "Keystone's v3 root, e.g. http://keystone.example.com:5000/v3. Required for keystone auth and the openstack backend."),
    KEYSTONE_USERNAME("keystone", "username", "magnetar", TEXT, "Magnetar's service user."),
    KEYSTONE_PASSWORD("keystone", "password", "", TEXT,
            "The service user's password (or use the two application credential keys instead)."),
    KEYSTONE_PROJECT("keystone", "project_name", "service", TEXT, "The project the service token is scoped to."),
    KEYSTONE_USER_DOMAIN("keystone", "user_domain_name", "Default", TEXT, "The service user's domain."),
    KEYSTONE_PROJECT_DOMAIN("keystone", "project_domain_name", "Default", TEXT, "That project's domain."),
    KEYSTONE_INTERFACE("keystone", "interface", "public", TEXT,
            "Catalogue interface for every endpoint Magnetar looks up (Heat included)."),
    KEYSTONE_REGION("keystone", "region_name", "RegionOne", TEXT,
            "Catalogue region for every endpoint Magnetar looks up (Heat included)."),
    KEYSTONE_APPLICATION_CREDENTIAL_ID("keystone", "application_credential_id", "", TEXT,
            "Authenticate the service with this application credential instead of a password."),
    KEYSTONE_APPLICATION_CREDENTIAL_SECRET("keystone", "application_credential_secret", "", TEXT,
            "The application credential's secret."),
    KEYSTONE_TOKEN_CACHE_MAX_AGE("keystone", "token_cache_max_age_seconds", "60", atLeast(0),
            "How long a validated user token is trusted before Keystone is asked again (the longest a revoked token keeps working)."),
    KEYSTONE_CLUSTER_USER_DOMAIN("keystone", "cluster_user_domain", "magnetar", TEXT,
            "Domain holding one Keystone user per cluster (its credential for Heat and Cinder)."),
    KEYSTONE_CLUSTER_USER_ROLES("keystone", "cluster_user_roles", "member", TEXT,
            "Comma-separated roles each cluster user gets in its cluster's project."),
    KEYSTONE_CLUSTER_CREDENTIAL_KEY("keystone", "cluster_credential_key", "", TEXT,
            "Secret (16+ characters, e.g. `openssl rand -base64 32`) every cluster user's password is derived from; the same"
                    + " on every replica; changing it strands existing clusters. Required for the openstack backend."),
    HEAT_RESOURCE_REGISTRY_OVERRIDES("heat", "resource_registry_overrides", "", TEXT,
            "TEST AND SIMULATION ONLY: type=target pairs forced into every stack's resource_registry, e.g."
                    + " OS::Nova::*=OS::Heat::None,OS::Neutron::*=OS::Heat::None,OS::Cinder::*=OS::Heat::None,OS::Octavia::*=OS::Heat::None,"
                    + " so a Heat without Nova, Neutron, Cinder or Octavia runs real cluster stacks whose servers, ports, volumes"
                    + " and load balancers are no-ops. Never set it on a production cloud: nothing would be built."),
    MONITOR_INTERVAL("monitor", "interval_seconds", "60", atLeast(1),
            "How often each settled cluster's COE is polled for health; polls spread over the first half of it."),
    MONITOR_CONCURRENCY("monitor", "concurrency", "32", atLeast(1), "Polls in flight at once on this replica, at most."),
    MONITOR_REQUEST_TIMEOUT("monitor", "request_timeout_ms", "5000", atLeast(1),
            "Bound on each request to a cluster's COE; an unreachable cluster is UNKNOWN after it."),
    MONITOR_SPARE_KEYS("monitor", "spare_keys", "1000", atLeast(0),
            "Key pairs for new clusters' monitoring accounts made ahead of time and kept in the database, so a burst"
                    + " of this many creates makes no RSA key on the create path (0: each create makes its own).");

    private final String section;
    private final String key;
    private final String defaultValue;
    private final OptionType type;
    private final String description;

    Option(String section, String key, String defaultValue, OptionType type, String description) {
        this.section = section;
        this.key = key;
        this.defaultValue = defaultValue;
        this.type = type;
        this.description = description;
    }

    public String section() {
        return section;
    }

    public String key() {
        return key;
    }

    public String defaultValue() {
        return defaultValue;
    }

    /** What values the option takes. */
    public OptionType type() {
        return type;
    }

    public String description() {
        return description;
    }

    /** {@code MAGNETAR_<SECTION>_<KEY>}, upper case. */
    public String environmentName() {
        return ("MAGNETAR_" + section + "_" + key).toUpperCase(Locale.ROOT);
    }
}
