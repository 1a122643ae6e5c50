package dev.magnetar.image;

import java.nio.file.Path;

/** Where the image elements and the driver's node scripts live in this repository. */
final class Repo {

    static final Path ROOT = Path.of(System.getProperty("magnetar.repo.dir", "..")).toAbsolutePath().normalize();
    static final Path IMAGE = ROOT.resolve("image");
    static final Path ELEMENTS = IMAGE.resolve("elements");
    static final Path BUILD_SCRIPT = IMAGE.resolve("build-dcos-image.sh");
    static final Path DCOS_NODE = ELEMENTS.resolve("dcos-node");
    static final Path DCOS_INSTALLER = ELEMENTS.resolve("dcos-installer");
    /** The driver's node-script fragments, as Heat receives them. */
    static final Path FRAGMENTS = ROOT.resolve(
            "magnetar-driver-dcos/src/main/resources/dev/magnetar/driver/dcos/templates/fragments");
    /** The node-script helpers the driver kit puts before every driver's common.sh. */
    static final Path NODE_COMMON = ROOT.resolve(
            "magnetar-driver-kit/src/main/resources/dev/magnetar/driver/kit/fragments/node-common.sh");
    /** The one prerequisite list. */
    static final Path PREREQUISITES = FRAGMENTS.resolve("prerequisites.sh");

    private Repo() {
    }
}
