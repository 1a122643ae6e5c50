package dev.magnetar.image;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * dcos-installer puts the installer where the driver's bootstrap script looks for it, from a
 * local path or a URL (file:// here, so nothing leaves the machine), and stops on a bad checksum.
 */
class InstallerElementTest {

    static final String INSTALLER = "#!/bin/bash\necho 'pretend DC/OS 2.2 installer'\n";

    @TempDir
    Path tmp;

    @Test
    void theBootstrapScriptReadsTheInstallerFromTheListsPath() throws IOException {
        String path = SharedList.scalar(tmp, "DCOS_INSTALLER_PATH");
        assertThat(path).isEqualTo("/opt/dcos/dcos_generate_config.sh");
        String bootstrap = Files.readString(Repo.FRAGMENTS.resolve("bootstrap.sh"));
        assertThat(bootstrap).contains("[ ! -s \"$DCOS_INSTALLER_PATH\" ]").doesNotContain(path);
    }

    @Test
    void aLocalInstallerLandsAtThatPathInTheImage() throws IOException {
        Path source = tmp.resolve("dcos_generate_config.sh");
        Files.writeString(source, INSTALLER);
        Path root = run(source.toString(), "").assertSucceededRoot();
        Path installed = root.resolve("opt/dcos/dcos_generate_config.sh");
        assertThat(installed).hasContent(INSTALLER.trim());
        assertThat(Files.isExecutable(installed)).isTrue();
    }

    @Test
    void aUrlIsFetchedAndItsChecksumChecked() throws IOException {
        Path source = tmp.resolve("served.sh");
        Files.writeString(source, INSTALLER);
        String sha = sha256(source);
        assertThat(run(source.toUri().toString(), sha).assertSucceededRoot()
                .resolve("opt/dcos/dcos_generate_config.sh")).hasContent(INSTALLER.trim());
    }

    @Test
    void aWrongChecksumStopsTheBuild() throws IOException {
        Path source = tmp.resolve("tampered.sh");
        Files.writeString(source, INSTALLER + "rm -rf /\n");
        Run r = run(source.toString(), "0".repeat(64));
        assertThat(r.result.exit()).isNotZero();
        assertThat(r.result.stderr()).contains("expected " + "0".repeat(64));
        assertThat(r.root.resolve("opt/dcos/dcos_generate_config.sh")).doesNotExist();
    }

    @Test
    void withoutAnInstallerTheBuildStopsWithTheVariableToSet() {
        Run r = run("", "");
        assertThat(r.result.exit()).isNotZero();
        assertThat(r.result.stderr()).contains("set DIB_DCOS_INSTALLER");
    }

    private Run run(String installer, String sha256) {
        try {
            Path dir = Files.createTempDirectory(tmp, "build");
            Path hooks = Files.createDirectories(dir.resolve("hooks"));
            Path root = Files.createDirectories(dir.resolve("mnt"));
            Files.copy(Repo.PREREQUISITES, hooks.resolve("dcos-prerequisites.sh"));
            Sandbox s = new Sandbox(dir).allow("curl", "cp", "mktemp", "rm", "sha256sum", "cut", "id", "install")
                    .env("TMP_HOOKS_PATH", hooks.toString()).env("TMP_MOUNT_PATH", root.toString())
                    .env("DIB_DCOS_INSTALLER", installer).env("DIB_DCOS_INSTALLER_SHA256", sha256);
            return new Run(s.bash("\"$BASH\" \"$0\"",
                    Repo.DCOS_INSTALLER.resolve("extra-data.d/20-dcos-installer").toString()), root);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String sha256(Path file) throws IOException {
        try {
            byte[] digest = java.security.MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file));
            return java.util.HexFormat.of().formatHex(digest);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private record Run(Sandbox.Result result, Path root) {
        Path assertSucceededRoot() {
            result.assertSucceeded();
            return root;
        }
    }
}
