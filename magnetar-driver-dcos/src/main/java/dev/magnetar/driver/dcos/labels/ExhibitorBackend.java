package dev.magnetar.driver.dcos.labels;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * DC/OS 2.2's Exhibitor storage backends ({@code exhibitor_storage_backend}) and the config keys each
 * one reads (DC/OS 2.2 gen's {@code exhibitor_storage_backend} switch): the label schema, the
 * cross-label rules and the rendered config's own check all take the rule from here.
 */
public enum ExhibitorBackend {
    STATIC("static", List.of(), List.of()),
    ZOOKEEPER("zookeeper", List.of("exhibitor_zk_hosts", "exhibitor_zk_path"),
            List.of("exhibitor_zk_hosts", "exhibitor_zk_path")),
    AWS_S3("aws_s3", List.of("aws_region", "s3_bucket", "s3_prefix", "exhibitor_explicit_keys"),
            List.of("aws_region", "s3_bucket", "s3_prefix", "exhibitor_explicit_keys", "aws_access_key_id",
                    "aws_secret_access_key")),
    AZURE("azure", List.of("exhibitor_azure_account_name", "exhibitor_azure_prefix"),
            List.of("exhibitor_azure_account_name", "exhibitor_azure_account_key", "exhibitor_azure_prefix")),
    SHARED_FILESYSTEM("shared_filesystem", List.of("exhibitor_fs_config_dir"), List.of("exhibitor_fs_config_dir"));

    private final String value;
    private final List<String> required;
    private final List<String> keys;

    /**
     * @param required the keys DC/OS requires with this backend
     * @param keys     every key only this backend reads; given with another they would be silently ignored
     */
    ExhibitorBackend(String value, List<String> required, List<String> keys) {
        this.value = value;
        this.required = required;
        this.keys = keys;
    }

    /** The backend's name as config.yaml and the label spell it. */
    public String value() {
        return value;
    }

    public List<String> required() {
        return required;
    }

    public List<String> keys() {
        return keys;
    }

    public static Optional<ExhibitorBackend> of(String value) {
        return Arrays.stream(values()).filter(b -> b.value.equals(value)).findFirst();
    }

    /** Every backend's name, in this order. */
    public static String[] names() {
        return Arrays.stream(values()).map(ExhibitorBackend::value).toArray(String[]::new);
    }

    /** Whether {@code key} is read by some backend (and so belongs with the backend's keys). */
    public static boolean isBackendKey(String key) {
        return Arrays.stream(values()).anyMatch(b -> b.keys.contains(key));
    }

    /** The backends master_http_loadbalancer discovery can use, e.g. "zookeeper, aws_s3 or azure". */
    public static String nonStaticInWords() {
        List<String> names = Arrays.stream(values()).filter(b -> b != STATIC).map(ExhibitorBackend::value).toList();
        return names.subList(0, names.size() - 1).stream().collect(Collectors.joining(", "))
                + " or " + names.getLast();
    }
}
