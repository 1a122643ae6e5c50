package dev.magnetar.driver.dcos.labels;

import dev.magnetar.driver.kit.labels.Labels;

import java.util.ArrayList;
import java.util.List;

/**
 * The DC/OS 2.2 rules that tie several labels and template fields together: what each Exhibitor
 * backend requires, load-balanced discovery against a static backend, network and volume drivers
 * against the features they need, Calico against the overlay subnets.
 */
public final class DcosLabelRules {

    private DcosLabelRules() {
    }

    /**
     * @param networkDriver the template's network_driver (null means the default, docker)
     * @param volumeDriver  the template's volume_driver (null or empty means none)
     */
    public static List<String> check(Labels labels, boolean masterLbEnabled, String networkDriver,
                                     String volumeDriver) {
        List<String> violations = new ArrayList<>();
        String backend = labels.effective(DcosLabelSchema.EXHIBITOR_STORAGE_BACKEND).orElseThrow();
        ExhibitorBackend chosen = ExhibitorBackend.of(backend).orElseThrow();
        for (String required : chosen.required()) {
            if (labels.given(required).isEmpty()) {
                violations.add("label '" + required + "' is required with exhibitor_storage_backend=" + backend);
            }
        }
        for (ExhibitorBackend other : ExhibitorBackend.values()) {
            if (other != chosen) {
                other.keys().stream().filter(k -> labels.given(k).isPresent()).forEach(k -> violations.add(
                        labels.describeGiven(k, "only used with exhibitor_storage_backend="
                                + other.value() + ", but the backend is " + backend)));
            }
        }
        if ("aws_s3".equals(backend) && labels.flag("exhibitor_explicit_keys")
                && labels.given("aws_access_key_id").isEmpty()) {
            violations.add("label 'aws_access_key_id' is required with exhibitor_explicit_keys=true");
        }
        if (masterLbEnabled && "static".equals(backend)) {
            violations.add(Labels.describe(DcosLabelSchema.EXHIBITOR_STORAGE_BACKEND, backend,
                    "master_lb_enabled selects master_http_loadbalancer discovery, which needs a non-static "
                            + "Exhibitor backend (" + ExhibitorBackend.nonStaticInWords() + ")"));
        }
        String network = networkDriver == null || networkDriver.isEmpty() ? "docker" : networkDriver;
        if ("dcos-overlay".equals(network) && !labels.flag("dcos_overlay_enable")) {
            violations.add(Labels.describe("dcos_overlay_enable", "false",
                    "network_driver dcos-overlay needs the DC/OS overlay; remove the label or set true"));
        }
        if ("calico".equals(network) && !labels.flag("calico_enabled")) {
            violations.add(Labels.describe("calico_enabled", "false",
                    "network_driver calico needs DC/OS's Calico; remove the label or set true"));
        }
        boolean rexray = "rexray".equals(volumeDriver);
        labels.given("rexray_preempt").filter(v -> !rexray).ifPresent(v -> violations.add(Labels.describe(
                "rexray_preempt", v, "only used with volume_driver rexray, but the template's volume_driver is "
                        + (volumeDriver == null || volumeDriver.isEmpty() ? "unset" : volumeDriver))));
        labels.given("dcos_overlay_network").flatMap(OverlayNetwork::parse).ifPresent(net -> {
            if (labels.flag("calico_enabled") && labels.flag("dcos_overlay_enable")) {
                List<String> overlapping = OverlayNetwork.subnetsOverlapping(net, OverlayNetwork.CALICO_NETWORK_CIDR);
                if (!overlapping.isEmpty()) {
                    violations.add(Labels.describe("dcos_overlay_network", labels.given("dcos_overlay_network")
                            .get(), "overlay subnets " + overlapping + " overlap Calico's "
                            + OverlayNetwork.CALICO_NETWORK_CIDR + " (set calico_enabled=false or pick another subnet)"));
                }
            }
        });
        violations.addAll(PackageRepositories.crossCheck(labels));
        return violations;
    }
}
