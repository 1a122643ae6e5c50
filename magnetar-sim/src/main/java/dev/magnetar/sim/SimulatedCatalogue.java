package dev.magnetar.sim;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.magnetar.core.context.RequestContext;
import dev.magnetar.core.port.CloudCatalogue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * The simulated cloud's Glance, Nova and Neutron look-ups: a small fixed catalogue (images with
 * and without {@code os_distro}, a duplicated image name, flavors, keypairs, external networks)
 * read from YAML, the same for every project. {@link #defaults()} is the built-in one; tests and
 * demos may load their own.
 */
public final class SimulatedCatalogue implements CloudCatalogue {

    private static final String DEFAULT_RESOURCE = "/dev/magnetar/sim/catalogue.yaml";
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private final List<Image> images;
    private final List<Flavor> flavors;
    private final List<Keypair> keypairs;
    private final List<Network> externalNetworks;

    public SimulatedCatalogue(List<Image> images, List<Flavor> flavors, List<Keypair> keypairs,
                              List<Network> externalNetworks) {
        this.images = List.copyOf(images);
        this.flavors = List.copyOf(flavors);
        this.keypairs = List.copyOf(keypairs);
        this.externalNetworks = List.copyOf(externalNetworks);
    }

    /** The built-in catalogue. */
    public static SimulatedCatalogue defaults() {
        try (InputStream in = SimulatedCatalogue.class.getResourceAsStream(DEFAULT_RESOURCE)) {
            return fromYaml(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A catalogue in the layout of the built-in {@code catalogue.yaml}. */
    public static SimulatedCatalogue fromYaml(InputStream yaml) {
        try {
            Document doc = YAML.readValue(yaml, Document.class);
            return new SimulatedCatalogue(
                    doc.images().stream().map(i -> new Image(i.id(), i.name(), i.osDistro())).toList(),
                    doc.flavors().stream().map(f -> new Flavor(f.id(), f.name(), f.vcpus(), f.ramMb(), f.diskGb())).toList(),
                    doc.keypairs().stream().map(Keypair::new).toList(),
                    doc.networks().stream().filter(NetworkEntry::external).map(n -> new Network(n.id(), n.name())).toList());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the simulated catalogue", e);
        }
    }

    public String describe() {
        return "SIMULATED cloud catalogue (magnetar-sim): " + images.size() + " images, " + flavors.size()
                + " flavors, " + keypairs.size() + " keypairs, " + externalNetworks.size() + " external networks";
    }

    @Override
    public List<Image> images(RequestContext context, String nameOrId) {
        return images.stream().filter(i -> i.id().equals(nameOrId) || i.name().equals(nameOrId)).toList();
    }

    @Override
    public List<Flavor> flavors(RequestContext context, String nameOrId) {
        return flavors.stream().filter(f -> f.id().equals(nameOrId) || f.name().equals(nameOrId)).toList();
    }

    @Override
    public List<Keypair> keypairs(RequestContext context, String name) {
        return keypairs.stream().filter(k -> k.name().equals(name)).toList();
    }

    @Override
    public List<Network> externalNetworks(RequestContext context, String nameOrId) {
        return externalNetworks.stream().filter(n -> n.id().equals(nameOrId) || n.name().equals(nameOrId)).toList();
    }

    @Override
    public String toString() {
        return describe();
    }

    private record Document(List<ImageEntry> images, List<FlavorEntry> flavors, List<String> keypairs,
                            List<NetworkEntry> networks) {
        Document {
            images = images == null ? List.of() : images;
            flavors = flavors == null ? List.of() : flavors;
            keypairs = keypairs == null ? List.of() : keypairs;
            networks = networks == null ? List.of() : networks;
        }
    }

    private record ImageEntry(String id, String name, @JsonProperty("os_distro") String osDistro) {
    }

    private record FlavorEntry(String id, String name, int vcpus, @JsonProperty("ram_mb") int ramMb,
                               @JsonProperty("disk_gb") int diskGb) {
    }

    private record NetworkEntry(String id, String name, boolean external) {
    }
}
