package dev.magnetar.driver.dcos.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.magnetar.core.driver.DeploymentContext;
import dev.magnetar.core.model.Cluster;
import dev.magnetar.core.model.ClusterTemplate;
import dev.magnetar.core.port.StackCredential;
import dev.magnetar.driver.dcos.labels.DcosLabelSchema;
import dev.magnetar.driver.dcos.labels.ExhibitorBackend;
import dev.magnetar.driver.dcos.labels.Landing;
import dev.magnetar.driver.kit.labels.LabelSpec;
import dev.magnetar.driver.kit.labels.Labels;
import dev.magnetar.driver.kit.stack.StackParameters;

import java.util.Arrays;
import java.util.List;

/**
 * Renders {@code genconf/config.yaml} as a tree serialised by Jackson's YAML writer, with every
 * string quoted, so no label value can add a key, a document or a comment. Three keys depend on
 * addresses Heat assigns ({@link #STACK_TIME_KEYS}); the bootstrap server appends them after
 * checking each is an IPv4 address, and the preview shows where they go.
 */
public final class DcosConfig {

    /** Keys appended on the bootstrap server from the stack's own addresses. */
    public static final List<String> STACK_TIME_KEYS = List.of("bootstrap_url", "master_list", "exhibitor_address");

    /** Written last in the rendered file, so a reader of the preview knows what follows. */
    public static final String STACK_TIME_NOTE = "# appended on the bootstrap server from the stack's addresses:\n"
            + "#   bootstrap_url (the bootstrap server), and master_list (static discovery) or\n"
            + "#   exhibitor_address (the masters' load balancer)\n";

    private static final ObjectMapper YAML = new YAMLMapper(YAMLFactory.builder()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .disable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            // one value, one line: a PEM key stays greppable and diffs by line
            .disable(YAMLGenerator.Feature.SPLIT_LINES)
            .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
            .build());

    private DcosConfig() {
    }

    /** The config tree for a cluster, without the stack-time keys. */
    public static ObjectNode tree(ClusterTemplate template, Cluster cluster, Labels labels,
                                  DeploymentContext context, boolean masterLbEnabled) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        ObjectNode config = f.objectNode();
        config.put("cluster_name", cluster.name() == null ? cluster.uuid() : cluster.name());
        String backend = labels.effective(DcosLabelSchema.EXHIBITOR_STORAGE_BACKEND).orElseThrow();
        config.put("exhibitor_storage_backend", backend);
        for (LabelSpec spec : DcosLabelSchema.LABELS) {
            if (spec.landing() == Landing.CONFIG_YAML && ExhibitorBackend.isBackendKey(spec.name())) {
                labels.given(spec.name()).ifPresent(v -> putTyped(config, spec, v));
            }
        }
        config.put("master_discovery", masterLbEnabled ? "master_http_loadbalancer" : "static");
        if (masterLbEnabled) {
            config.put("num_masters", cluster.spec().masterCount());
        }
        ArrayNode resolvers = config.putArray("resolvers");
        StackParameters.nameservers(template).forEach(resolvers::add);
        for (LabelSpec spec : DcosLabelSchema.LABELS) {
            if (spec.landing() == Landing.CONFIG_YAML && !config.has(spec.name())
                    && !ExhibitorBackend.isBackendKey(spec.name()) && !spec.name().equals("rexray_preempt")) {
                labels.effective(spec.name()).ifPresent(v -> putTyped(config, spec, v));
            }
        }
        if (!labels.flag("enable_ipv6")) {
            config.put("dcos_l4lb_enable_ipv6", false);
        }
        config.put("ip_detect_public_filename", "genconf/ip-detect-public");
        proxy(template, config);
        if ("rexray".equals(template.volumeDriver())) {
            config.set("rexray_config", rexray(labels.flag("rexray_preempt"), context));
        }
        monitorAccount(config, labels, context);
        return config;
    }

    /**
     * Installs Magnetar's monitoring service account (docs/reference/dcos-facts.md#the-superuser-service-account
     * and #logging-in-as-a-service-account), so the monitor can log in to a cluster whose Admin Router requires
     * authentication. Without oauth there is no IAM to log in to, so the account is left out.
     */
    private static void monitorAccount(ObjectNode config, Labels labels, DeploymentContext context) {
        DeploymentContext.MonitorAccount account = context.monitorAccount();
        if (account != null && labels.flag("oauth_enabled")) {
            config.put(ServiceAccountRules.UID_KEY, account.uid());
            config.put(ServiceAccountRules.PUBLIC_KEY_KEY, account.publicKeyPem());
        }
    }

    /** The YAML text of a tree; strings are always double-quoted. */
    public static String yaml(ObjectNode tree) {
        try {
            return YAML.writeValueAsString(tree);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** What the preview shows and the bootstrap server starts from. */
    public static String render(ObjectNode tree) {
        return yaml(tree) + STACK_TIME_NOTE;
    }

    /** The value in the form its label type writes into config.yaml. */
    private static void putTyped(ObjectNode config, LabelSpec spec, String value) {
        config.set(spec.target(), spec.type().tree(value));
    }

    private static void proxy(ClusterTemplate template, ObjectNode config) {
        if (isSet(template.httpProxy()) && isSet(template.httpsProxy())) {
            config.put("use_proxy", true);
            config.put("http_proxy", template.httpProxy());
            config.put("https_proxy", template.httpsProxy());
            ArrayNode noProxy = config.putArray("no_proxy");
            if (isSet(template.noProxy())) {
                Arrays.stream(template.noProxy().split(",")).map(String::trim).filter(s -> !s.isEmpty())
                        .forEach(noProxy::add);
            }
        }
    }

    private static ObjectNode rexray(boolean preempt, DeploymentContext context) {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        ObjectNode rexray = root.putObject("rexray");
        rexray.put("loglevel", "info");
        rexray.putObject("modules").putObject("default-admin").put("host", "tcp://127.0.0.1:61003");
        rexray.putArray("storageDrivers").add("openstack");
        rexray.putObject("volume").putObject("mount").put("preempt", preempt);
        ObjectNode openstack = root.putObject("openstack");
        openstack.put("authURL", context.authUrl());
        openstack.put("regionName", context.regionName());
        StackCredential credential = context.nodeCredential();
        if (credential.id() != null) {
            openstack.put("userID", credential.id());
            openstack.put("password", credential.secret());
            if (credential.projectId() != null) {
                openstack.put("tenantID", credential.projectId());
            }
        }
        return root;
    }

    private static boolean isSet(String value) {
        return value != null && !value.isBlank();
    }
}
