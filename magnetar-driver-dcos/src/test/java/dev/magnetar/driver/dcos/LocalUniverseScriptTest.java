package dev.magnetar.driver.dcos;

import dev.magnetar.driver.dcos.heat.DcosStackRenderer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The bootstrap server's half of the local Universe, run for real with bash and python3: the
 * operator's repository file and artefacts land in the served directory, {@code @LOCAL_UNIVERSE@}
 * becomes the served address, a file that is not a Universe repository is refused, and the server
 * answers {@code universe/repo.json} with the Universe media type Cosmos asks for.
 */
class LocalUniverseScriptTest {

    @TempDir
    Path dir;

    private record Run(int exit, String out, String err) {
    }

    private Run prepare(String repository, String artifacts) throws Exception {
        Path script = dir.resolve("prepare.sh");
        Files.writeString(script, "set -o nounset -o errexit -o pipefail\nlog() { printf '%s\\n' \"$*\" >&2; }\n"
                + DcosStackRenderer.files().get("fragments/local-universe.sh")
                + "\nlocal_universe_prepare \"$1\" http://10.0.0.4:8086\n");
        ProcessBuilder builder = new ProcessBuilder("/bin/bash", script.toString(), dir.resolve("serve").toString());
        builder.environment().put("LOCAL_UNIVERSE_REPOSITORY", repository);
        builder.environment().put("LOCAL_UNIVERSE_ARTIFACTS", artifacts);
        Process p = builder.start();
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        return new Run(p.exitValue(), new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8),
                new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
    }

    private Path repositoryFile(String packagingVersion) throws IOException {
        String fixture;
        try (InputStream in = getClass().getResourceAsStream("/fixtures/dcos/universe-repo-v4.json")) {
            fixture = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        String edited = fixture.replace("\"packagingVersion\": \"4.0\"", "\"packagingVersion\": \"" + packagingVersion + "\"")
                .replace("https://example.org/icons/hello-48.png", "@LOCAL_UNIVERSE@/artifacts/hello-48.png");
        Path file = dir.resolve("repo-" + packagingVersion + ".json");
        Files.writeString(file, edited);
        return file;
    }

    @Test
    void aV4FileFromTheImageIsServedWithItsArtefactsAndTheServedAddressFilledIn() throws Exception {
        Path artifacts = Files.createDirectories(dir.resolve("image-artifacts"));
        Files.writeString(artifacts.resolve("hello-48.png"), "png");

        Run run = prepare(repositoryFile("4.0").toString(), artifacts.toString());

        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).isEqualTo("application/vnd.dcos.universe.repo+json;charset=utf-8;version=v4\n");
        assertThat(Files.readString(dir.resolve("serve/universe/repo.json")))
                .contains("http://10.0.0.4:8086/universe/artifacts/hello-48.png").doesNotContain("@LOCAL_UNIVERSE@");
        assertThat(dir.resolve("serve/universe/artifacts/hello-48.png")).hasContent("png");
    }

    @Test
    void aFileWithA50PackageIsServedAsV5() throws Exception {
        Run run = prepare(repositoryFile("5.0").toString(), "");

        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).endsWith("version=v5\n");
    }

    @Test
    void aFileThatIsNotAUniverseRepositoryIsRefused() throws Exception {
        Path notUniverse = Files.writeString(dir.resolve("other.json"), "{\"apps\": []}");

        Run run = prepare(notUniverse.toString(), "");

        assertThat(run.exit()).isNotZero();
        assertThat(run.err()).contains("not a Universe repository: no packages list");
    }

    @Test
    void theServerAnswersTheRepositoryWithTheUniverseMediaTypeAndOtherFilesAsBefore() throws Exception {
        assertThat(prepare(repositoryFile("4.0").toString(), "").exit()).isZero();
        Files.writeString(dir.resolve("serve/dcos_install.sh"), "#!/bin/bash\n");
        Path server = dir.resolve("bootstrap-http.py");
        Path writer = dir.resolve("write-server.sh");
        Files.writeString(writer, DcosStackRenderer.files().get("fragments/local-universe.sh")
                + "\nlocal_universe_server \"$1\"\n");
        assertThat(new ProcessBuilder("/bin/bash", writer.toString(), server.toString()).start().waitFor()).isZero();
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        String type = "application/vnd.dcos.universe.repo+json;charset=utf-8;version=v4";
        Process serving = new ProcessBuilder("python3", server.toString(), Integer.toString(port), type)
                .directory(dir.resolve("serve").toFile()).redirectErrorStream(true).start();
        try {
            HttpClient http = HttpClient.newHttpClient();
            HttpResponse<String> repo = null;
            for (int attempt = 0; attempt < 100 && repo == null; attempt++) {
                try {
                    repo = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/universe/repo.json"))
                            .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
                } catch (java.net.ConnectException e) {
                    Thread.sleep(100);
                }
            }
            HttpResponse<String> install = http.send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + port + "/dcos_install.sh")).build(), HttpResponse.BodyHandlers.ofString());

            assertThat(repo).isNotNull();
            assertThat(repo.statusCode()).isEqualTo(200);
            assertThat(repo.headers().firstValue("Content-Type")).contains(type);
            assertThat(repo.body()).contains("\"hello-web\"");
            assertThat(install.statusCode()).isEqualTo(200);
            assertThat(install.headers().allValues("Content-Type")).doesNotContain(type);
        } finally {
            serving.destroy();
            serving.waitFor(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void heatPutsTheFragmentBeforeTheBootstrapAndNodeScriptsThatCallIt() {
        String cluster = DcosStackRenderer.spec(java.util.Map.of()).template();
        String node = DcosStackRenderer.files().get("node.yaml");

        assertThat(cluster.indexOf("fragments/local-universe.sh")).isPositive()
                .isLessThan(cluster.indexOf("fragments/bootstrap.sh"));
        assertThat(node.indexOf("fragments/local-universe.sh")).isPositive()
                .isLessThan(node.indexOf("fragments/node.sh"));
    }
}
