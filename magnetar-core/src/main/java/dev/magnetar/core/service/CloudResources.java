package dev.magnetar.core.service;

import dev.magnetar.core.context.RequestContext;
import dev.magnetar.core.error.MagnetarException;
import dev.magnetar.core.port.CloudCatalogue;

import java.util.List;

/**
 * Checks that the cloud resources a template or cluster names exist, with Magnum's status codes:
 * an unknown image, flavor or external network is a 400, an unknown keypair a 404, and a name
 * that matches several resources a 409.
 */
public final class CloudResources {

    private final CloudCatalogue catalogue;

    public CloudResources(CloudCatalogue catalogue) {
        this.catalogue = catalogue;
    }

    /** The image's {@code os_distro}; the image must exist, be unique and carry the property. */
    public String osDistroOf(RequestContext context, String image) {
        CloudCatalogue.Image found = single(catalogue.images(context, image),
                () -> MagnetarException.invalid("Image " + image + " could not be found."),
                "Multiple images exist with same name " + image + ". Please use the image id instead.");
        if (found.osDistro() == null || found.osDistro().isBlank()) {
            throw MagnetarException.invalid("Image " + image + " doesn't contain os_distro field.");
        }
        return found.osDistro();
    }

    public void requireFlavor(RequestContext context, String flavor) {
        if (flavor != null) {
            single(catalogue.flavors(context, flavor),
                    () -> MagnetarException.invalid("Unable to find flavor " + flavor + "."),
                    "Multiple flavors exist with same name " + flavor + ". Please use the flavor id instead.");
        }
    }

    public void requireExternalNetwork(RequestContext context, String network) {
        if (network != null) {
            single(catalogue.externalNetworks(context, network),
                    () -> MagnetarException.invalid("Unable to find external network " + network + "."),
                    "Multiple external networks exist with same name " + network
                            + ". Please use the external network ID instead.");
        }
    }

    public void requireKeypair(RequestContext context, String keypair) {
        if (keypair != null && catalogue.keypairs(context, keypair).isEmpty()) {
            throw MagnetarException.notFound("Unable to find keypair " + keypair + ".");
        }
    }

    private static <T> T single(List<T> matches, java.util.function.Supplier<MagnetarException> none,
                                String ambiguous) {
        if (matches.isEmpty()) {
            throw none.get();
        }
        if (matches.size() > 1) {
            throw MagnetarException.conflict(ambiguous);
        }
        return matches.get(0);
    }
}
