package dev.magnetar.image;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One prerequisite list, not two: the dcos-node element copies the driver's list into the image
 * build, and what the element then installs and configures equals, item by item, what the
 * driver's node scripts install and configure on a stock CentOS image. Both sides run for real,
 * with every system command replaced by a recording stub.
 */
class SharedPrerequisiteListTest {

    /**
     * dcos_install.sh's tool check (DC/OS 2.2 preflight, docs/reference/dcos-facts.md#installer-preflight).
     */
    static final List<String> PREFLIGHT_TOOLS = List.of("curl", "bash", "ping", "tar", "xz", "unzip", "ipset",
            "systemd-notify");
    static final String REPO_URL = "https://mirror.example.org/docker-ce/docker-ce.repo";
    static final String DOCKER = "docker-ce-19.03.15";

    @TempDir
    Path tmp;

    private List<String> packages;

    @BeforeEach
    void readTheList() {
        packages = SharedList.lines(tmp,
                "dcos_packages_for \"${DCOS_PREREQ_COMMANDS[@]}\" \"${DCOS_BOOTSTRAP_COMMANDS[@]}\"");
    }

    @Test
    void theListCoversEveryToolDcosInstallChecksFor() {
        List<String> commands = SharedList.array(tmp, "DCOS_PREREQ_COMMANDS").stream()
                .map(entry -> entry.substring(0, entry.indexOf(':'))).toList();
        assertThat(commands).containsAll(PREFLIGHT_TOOLS);
        assertThat(SharedList.array(tmp, "DCOS_PREREQ_GROUPS")).contains("nogroup");
        assertThat(SharedList.array(tmp, "DCOS_DISABLED_SERVICES")).contains("firewalld");
        assertThat(SharedList.array(tmp, "DCOS_ENABLED_SERVICES")).contains("chronyd", "docker");
        assertThat(SharedList.array(tmp, "DCOS_PREREQ_KERNEL_MODULES")).contains("overlay", "br_netfilter");
    }

    @Test
    void theElementCopiesTheDriversListByteForByte() throws IOException {
        Path hooks = elementHooks(new Sandbox(dir("copy")));
        assertThat(Files.readAllBytes(hooks.resolve("dcos-prerequisites.sh")))
                .isEqualTo(Files.readAllBytes(Repo.PREREQUISITES));
    }

    @Test
    void theElementInstallsExactlyThePackagesTheNodeScriptsInstallOnAStockImage() {
        Sandbox node = bareNode("node-packages");
        runNode(node, "install_prerequisites \"${DCOS_PREREQ_COMMANDS[@]}\" \"${DCOS_BOOTSTRAP_COMMANDS[@]}\"")
                .assertSucceeded();
        Sandbox element = new Sandbox(dir("element-packages")).stubs("install-packages", "yum-config-manager");
        runElementScript(element, "install.d/10-dcos-node");

        List<String> nodeInstalled = words(node.callsOf("yum").getFirst().replaceFirst("^install -y ", ""));
        List<String> elementInstalled = words(element.callsOf("install-packages").getFirst());
        assertThat(elementInstalled).isEqualTo(nodeInstalled).isEqualTo(packages);
    }

    @Test
    void onAnImageThatHasEveryToolTheNodeScriptsInstallNothing() {
        Sandbox node = bareNode("node-complete");
        SharedList.array(tmp, "DCOS_PREREQ_COMMANDS")
                .forEach(entry -> node.stubs(entry.substring(0, entry.indexOf(':'))));
        runNode(node, "install_prerequisites \"${DCOS_PREREQ_COMMANDS[@]}\"").assertSucceeded();
        assertThat(node.callsOf("yum")).isEmpty();
    }

    @Test
    void dockerComesFromTheSameRepositoryWithTheSamePinsOnBothPaths() {
        Sandbox node = nodeSandbox("node-docker");
        runNode(node, "prepare_os").assertSucceeded();
        Sandbox element = new Sandbox(dir("element-docker")).stubs("install-packages", "yum-config-manager");
        runElementScript(element, "install.d/10-dcos-node");

        List<String> pinned = List.of(DOCKER, "docker-ce-cli-19.03.15");
        assertThat(node.callsOf("yum-config-manager")).containsExactly("--add-repo " + REPO_URL);
        assertThat(element.callsOf("yum-config-manager")).containsExactly("--add-repo " + REPO_URL);
        assertThat(words(node.callsOf("yum").getLast().replaceFirst("^install -y ", ""))).isEqualTo(pinned);
        assertThat(words(element.callsOf("install-packages").getLast())).isEqualTo(pinned);
    }

    @Test
    void groupsServicesAndOsSettingsMatchItemByItem() {
        Sandbox node = nodeSandbox("node-os");
        runNode(node, "prepare_os").assertSucceeded();
        Sandbox element = new Sandbox(dir("element-os")).stub("getent", "exit 2").stubs("groupadd", "systemctl");
        runElementScript(element, "post-install.d/10-dcos-node");

        assertThat(element.callsOf("groupadd")).isEqualTo(node.callsOf("groupadd"))
                .isEqualTo(SharedList.array(tmp, "DCOS_PREREQ_GROUPS"));
        assertThat(services(element, "disable")).isEqualTo(services(node, "disable"))
                .isEqualTo(SharedList.array(tmp, "DCOS_DISABLED_SERVICES"));
        assertThat(services(element, "enable")).isEqualTo(services(node, "enable"))
                .isEqualTo(SharedList.array(tmp, "DCOS_ENABLED_SERVICES"));
        assertThat(element.callsOf("dcos_write_os_config")).isEqualTo(node.callsOf("dcos_write_os_config"))
                .containsExactly("/");
        assertThat(node.callsOf("modprobe")).containsAll(SharedList.array(tmp, "DCOS_PREREQ_KERNEL_MODULES"));
        assertThat(node.callsOf("setenforce")).containsExactly("0");
    }

    @Test
    void theOsSettingsAreWrittenFromTheList() throws IOException {
        Path root = dir("root");
        Sandbox.write(root.resolve("etc/selinux/config"), "# SELinux\nSELINUX=enforcing\nSELINUXTYPE=targeted\n");
        new Sandbox(dir("write")).allow("mkdir", "sed")
                .bash(". \"$0\"; dcos_write_os_config \"$1\"", Repo.PREREQUISITES.toString(), root.toString())
                .assertSucceeded();

        assertThat(Files.readAllLines(root.resolve("etc/modules-load.d/dcos.conf")))
                .isEqualTo(SharedList.array(tmp, "DCOS_PREREQ_KERNEL_MODULES"));
        assertThat(Files.readAllLines(root.resolve("etc/sysctl.d/90-dcos.conf")))
                .contains("net.bridge.bridge-nf-call-iptables = 1", "net.ipv4.ip_forward = 1")
                .hasSameSizeAs(SharedList.array(tmp, "DCOS_PREREQ_SYSCTLS"));
        assertThat(Files.readString(root.resolve("etc/docker/daemon.json")))
                .contains("\"storage-driver\": \"overlay2\"", "\"live-restore\": false");
        assertThat(Files.readString(root.resolve("etc/selinux/config")))
                .contains("SELINUX=permissive\n", "SELINUXTYPE=targeted\n").doesNotContain("SELINUX=enforcing");
    }

    @Test
    void anOperatorsDaemonJsonIsKept() throws IOException {
        Path root = dir("kept");
        Sandbox.write(root.resolve("etc/docker/daemon.json"), "{\"storage-driver\": \"overlay2\", \"debug\": true}\n");
        new Sandbox(dir("keep")).allow("mkdir", "sed")
                .bash(". \"$0\"; dcos_write_os_config \"$1\"", Repo.PREREQUISITES.toString(), root.toString())
                .assertSucceeded();
        assertThat(Files.readString(root.resolve("etc/docker/daemon.json"))).contains("\"debug\": true");
    }

    @Test
    void xfsWithoutFtypeIsNamedAndOtherFileSystemsAreLeftToDocker() {
        String check = ". \"$0\"; dcos_xfs_ftype_problem /var/lib/docker";
        Sandbox noFtype = new Sandbox(dir("ftype0")).allow("grep")
                .stub("stat", "echo xfs").stub("xfs_info", "echo 'naming =version 2 bsize=4096 ascii-ci=0, ftype=0'");
        assertThat(noFtype.bash(check, Repo.PREREQUISITES.toString()).assertSucceeded().stdout())
                .contains("/var/lib/docker is on XFS without ftype=1");
        Sandbox withFtype = new Sandbox(dir("ftype1")).allow("grep")
                .stub("stat", "echo xfs").stub("xfs_info", "echo 'naming =version 2 bsize=4096 ascii-ci=0, ftype=1'");
        assertThat(withFtype.bash(check, Repo.PREREQUISITES.toString()).assertSucceeded().stdout()).isEmpty();
        Sandbox ext4 = new Sandbox(dir("ext4")).stub("stat", "echo ext2/ext3").stub("xfs_info", "exit 1");
        assertThat(ext4.bash(check, Repo.PREREQUISITES.toString()).assertSucceeded().stdout()).isEmpty();
        assertThat(ext4.callsOf("xfs_info")).isEmpty();
    }

    /**
     * A stock CentOS image as far as the prerequisite list goes: none of its commands exist. The
     * driver's common.sh (after the kit's node-common.sh, as the stack's files carry it) is rendered
     * as Heat renders it for a node without a Docker volume.
     */
    private Sandbox bareNode(String name) {
        Sandbox s = new Sandbox(dir(name)).allow("date", "grep", "tr", "cut", "chmod")
                .stub("yum", "case \"$*\" in *docker-ce*) printf '#!/bin/bash\\necho overlay2\\n' > \"$STUB_BIN/docker\";"
                        + " chmod +x \"$STUB_BIN/docker\";; esac")
                .stubs("notify")
                .env("DOCKER_REPO_URL", REPO_URL).env("DOCKER_PACKAGE", DOCKER);
        try {
            String common = (Files.readString(Repo.NODE_COMMON) + "\n"
                    + Files.readString(Repo.FRAGMENTS.resolve("common.sh")))
                    .replace("__DOCKER_VOLUME_ID__", "").replace("__WC_NOTIFY__", "notify");
            Sandbox.write(s.dir().resolve("common.sh"), common);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return s;
    }

    /** A node whose system commands (services, SELinux, modules, file systems) are recording stubs. */
    private Sandbox nodeSandbox(String name) {
        return bareNode(name)
                .stub("getent", "exit 2").stub("getenforce", "echo Enforcing")
                .stub("stat", "echo xfs").stub("xfs_info", "echo 'naming =version 2 bsize=4096 ascii-ci=0, ftype=1'")
                .stubs("groupadd", "systemctl", "setenforce", "modprobe", "sysctl", "mkdir", "yum-config-manager");
    }

    /** Sources the node scripts' helpers and the list, with file writing recorded instead of done. */
    private static Sandbox.Result runNode(Sandbox node, String call) {
        return node.bash(". ./common.sh; . \"$0\"; " + RECORD_WRITES + call, Repo.PREREQUISITES.toString());
    }

    private static final String RECORD_WRITES =
            "dcos_write_os_config() { printf '%s\\n' \"dcos_write_os_config $*\" >> \"$STUB_LOG\"; }; ";

    /**
     * Runs the element's extra-data.d step the way diskimage-builder does (outside the chroot,
     * with the element map exported) and returns the hooks directory it filled.
     */
    private Path elementHooks(Sandbox s) {
        Path hooks = s.dir().resolve("hooks");
        s.allow("cp").env("TMP_HOOKS_PATH", hooks.toString()).env("FS_TYPE", "xfs").env("DIB_RELEASE", "7")
                .env("DIB_DCOS_DOCKER_REPO_URL", REPO_URL).env("DIB_DCOS_PREREQUISITES", "")
                .env("DIB_DCOS_DOCKER_PACKAGE", DOCKER).env("ELEMENT_DIR", Repo.DCOS_NODE.toString());
        try {
            Files.createDirectories(hooks);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        s.bash("get_image_element_array() { echo \"[dcos-node]=$ELEMENT_DIR\"; }; export -f get_image_element_array; "
                + "\"$BASH\" \"$0\"", Repo.DCOS_NODE.resolve("extra-data.d/10-dcos-node").toString()).assertSucceeded();
        return hooks;
    }

    /** Runs one in-image element script from the hooks directory, as diskimage-builder lays it out. */
    private void runElementScript(Sandbox s, String script) {
        Path hooks = elementHooks(s);
        try {
            Path copy = hooks.resolve(script);
            Files.createDirectories(copy.getParent());
            Files.copy(Repo.DCOS_NODE.resolve(script), copy);
            Files.writeString(hooks.resolve("dcos-prerequisites.sh"), "\n" + RECORD_WRITES + "\n",
                    java.nio.file.StandardOpenOption.APPEND);
            s.allow("dirname").bash("\"$BASH\" \"$0\"", copy.toString()).assertSucceeded();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static List<String> services(Sandbox s, String verb) {
        List<String> names = new ArrayList<>();
        for (String call : s.callsOf("systemctl")) {
            List<String> w = words(call);
            if (w.getFirst().equals(verb)) {
                names.add(w.getLast());
            }
        }
        return names;
    }

    private static List<String> words(String line) {
        return Stream.of(line.trim().split("\\s+")).filter(w -> !w.isEmpty()).toList();
    }

    private Path dir(String name) {
        try {
            return Files.createDirectories(tmp.resolve(name));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
