package dev.magnetar.image;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * image/build-dcos-image.sh, the documented build command, run with a recording
 * disk-image-create: its element list resolves with diskimage-builder's own tooling, and its
 * mkfs options, given to the real mkfs.xfs, make a root the dcos-node element accepts.
 */
class BuildCommandTest {

    @TempDir
    Path tmp;

    @Test
    void buildsCentos7OnXfsWithTheDcosNodeElement() {
        Invocation build = build("plain", null);
        assertThat(build.elements()).containsExactly("centos", "vm", "dcos-node");
        assertThat(build.args()).containsSequence("-t", "qcow2").containsSequence("-o", "dcos-centos-7");
        assertThat(build.env()).contains("FS_TYPE=xfs", "DIB_RELEASE=7",
                "ELEMENTS_PATH=" + Repo.ELEMENTS);
    }

    @Test
    void bakesTheInstallerInOnlyWhenOneIsGiven() {
        assertThat(build("installer", "/srv/dcos/dcos_generate_config.sh").elements())
                .containsExactly("centos", "vm", "dcos-node", "dcos-installer");
    }

    @Test
    void diskImageBuilderResolvesTheElementGraphOffline() {
        DiskImageBuilder dib = DiskImageBuilder.require();
        // disk-image-create adds base, and block-device-mbr for vm images, before resolving.
        List<String> requested = new ArrayList<>(build("graph", "/srv/installer").elements());
        requested.addAll(List.of("base", "block-device-mbr"));
        DiskImageBuilder.Result expanded = dib.expand(Repo.ELEMENTS.toString(), requested);
        assertThat(expanded.exit()).as(expanded.output()).isZero();
        assertThat(expanded.words()).contains("dcos-node", "dcos-installer", "centos", "yum", "package-installs");
    }

    @Test
    void anElementDiskImageBuilderCannotFindIsAnError() {
        DiskImageBuilder dib = DiskImageBuilder.require();
        DiskImageBuilder.Result expanded = dib.expand(Repo.ELEMENTS.toString(), List.of("dcos-node", "no-such-element"));
        assertThat(expanded.exit()).isNotZero();
        assertThat(expanded.output()).contains("no-such-element");
    }

    @Test
    void theDocumentedMkfsOptionsMakeARootTheElementAccepts() throws IOException {
        Path image = xfs("good", mkfsOptions());
        assertThat(finalise(image).assertSucceeded().stderr()).isEmpty();
    }

    @Test
    void aRootWithoutFtypeIsRefused() throws IOException {
        Path image = xfs("noftype", List.of("-m", "crc=0", "-n", "ftype=0"));
        Sandbox.Result r = finalise(image);
        assertThat(r.exit()).isNotZero();
        assertThat(r.stderr()).contains("without ftype=1");
    }

    @Test
    void aRootWithFeaturesCentos7CannotMountIsRefused() throws IOException {
        // Current xfsprogs defaults (reflink, and on newer releases bigtime and inobtcount).
        Path image = xfs("defaults", List.of("-m", "reflink=1"));
        Sandbox.Result r = finalise(image);
        assertThat(r.exit()).isNotZero();
        assertThat(r.stderr()).contains("reflink=1", "CentOS 7 kernel cannot mount");
    }

    /** The --mkfs-options of the build script, as disk-image-create receives them. */
    private List<String> mkfsOptions() {
        List<String> args = build("mkfs", null).args();
        return Arrays.asList(args.get(args.indexOf("--mkfs-options") + 1).split(" "));
    }

    private Path xfs(String name, List<String> options) throws IOException {
        Path mkfs = Tools.require("mkfs.xfs", "xfsprogs");
        Path image = tmp.resolve(name + ".img");
        try (RandomAccessFile f = new RandomAccessFile(image.toFile(), "rw")) {
            f.setLength(320L * 1024 * 1024);
        }
        List<String> command = new ArrayList<>(List.of(mkfs.toString(), "-q"));
        command.addAll(options);
        command.add(image.toString());
        Sandbox.Result r = new Sandbox(dir(name)).bash("exec \"$0\" \"$@\"", command.toArray(String[]::new));
        r.assertSucceeded();
        return image;
    }

    /** dcos-node's finalise.d check, with / standing for the given XFS image. */
    private Sandbox.Result finalise(Path image) throws IOException {
        Path xfsInfo = Tools.require("xfs_info", "xfsprogs");
        Sandbox s = new Sandbox(dir("finalise-" + image.getFileName())).allow("grep", "dirname")
                .stub("stat", "echo xfs")
                .stub("xfs_info", "PATH=" + System.getenv("PATH") + ":/usr/sbin:/sbin exec " + xfsInfo + " " + image);
        Path script = s.dir().resolve("hooks/finalise.d/90-dcos-node-xfs");
        Files.createDirectories(script.getParent());
        Files.copy(Repo.DCOS_NODE.resolve("finalise.d/90-dcos-node-xfs"), script);
        Files.copy(Repo.PREREQUISITES, s.dir().resolve("hooks/dcos-prerequisites.sh"));
        return s.bash("\"$BASH\" \"$0\"", script.toString());
    }

    private Invocation build(String name, String installer) {
        Sandbox s = new Sandbox(dir(name)).allow("dirname")
                .stub("disk-image-create", "printf 'env FS_TYPE=%s DIB_RELEASE=%s ELEMENTS_PATH=%s\\n' "
                        + "\"$FS_TYPE\" \"$DIB_RELEASE\" \"$ELEMENTS_PATH\" >> \"$STUB_LOG\"");
        if (installer != null) {
            s.env("DIB_DCOS_INSTALLER", installer);
        }
        s.bash("\"$BASH\" \"$0\"", Repo.BUILD_SCRIPT.toString()).assertSucceeded();
        return new Invocation(s.callsOf("disk-image-create").getFirst(), s.callsOf("env").getFirst());
    }

    private Path dir(String name) {
        try {
            return Files.createDirectories(tmp.resolve(name));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** What disk-image-create was called with. */
    private record Invocation(String commandLine, String environment) {

        List<String> args() {
            // The only argument with spaces is the quoted mkfs option string.
            List<String> args = new ArrayList<>();
            String line = commandLine;
            int options = line.indexOf("--mkfs-options ");
            int start = options + "--mkfs-options ".length();
            int end = line.indexOf(" -o ", start);
            args.addAll(List.of(line.substring(0, options).trim().split(" ")));
            args.add("--mkfs-options");
            args.add(line.substring(start, end));
            args.addAll(List.of(line.substring(end).trim().split(" ")));
            return args;
        }

        List<String> elements() {
            List<String> args = args();
            return args.subList(args.indexOf("-o") + 2, args.size());
        }

        List<String> env() {
            return List.of(environment.split(" "));
        }
    }
}
