package dev.magnetar.sim;

import dev.magnetar.core.context.RequestContext;
import dev.magnetar.core.port.CloudCatalogue;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class SimulatedCatalogueTest {

    private final SimulatedCatalogue catalogue = SimulatedCatalogue.defaults();
    private final RequestContext context = RequestContext.service("req-test");

    @Test
    void imagesMatchByNameOrIdAndCarryTheirDistro() {
        CloudCatalogue.Image image = catalogue.images(context, "dcos-centos-7.2").getFirst();
        assertThat(image.osDistro()).isEqualTo("centos");
        assertThat(catalogue.images(context, image.id())).containsExactly(image);
        assertThat(catalogue.images(context, "ubuntu-mesos").getFirst().osDistro()).isEqualTo("ubuntu");
        assertThat(catalogue.images(context, "fedora-coreos").getFirst().osDistro()).isEqualTo("fedora-coreos");
        assertThat(catalogue.images(context, "no-distro-image").getFirst().osDistro()).isNull();
        assertThat(catalogue.images(context, "duplicate-image")).hasSize(2);
        assertThat(catalogue.images(context, "nope")).isEmpty();
    }

    @Test
    void flavorsKeypairsAndExternalNetworks() {
        assertThat(catalogue.flavors(context, "m1.medium")).singleElement()
                .satisfies(f -> assertThat(f.vcpus()).isEqualTo(2));
        assertThat(catalogue.flavors(context, "m1.tiny")).hasSize(1);
        assertThat(catalogue.keypairs(context, "testkey")).hasSize(1);
        assertThat(catalogue.keypairs(context, "other")).isEmpty();
        assertThat(catalogue.externalNetworks(context, "public")).hasSize(1);
        assertThat(catalogue.externalNetworks(context, "1hsdhs88sddds889")).hasSize(1);
        assertThat(catalogue.externalNetworks(context, "private")).isEmpty();
    }

    @Test
    void aCatalogueCanBeLoadedFromOtherYaml() {
        SimulatedCatalogue custom = SimulatedCatalogue.fromYaml(new ByteArrayInputStream("""
                images: [{id: i1, name: only, os_distro: centos}]
                networks: [{id: n1, name: ext, external: true}]
                """.getBytes(StandardCharsets.UTF_8)));
        assertThat(custom.images(context, "i1")).hasSize(1);
        assertThat(custom.flavors(context, "m1.small")).isEmpty();
        assertThat(custom.externalNetworks(context, "ext")).hasSize(1);
    }
}
