package dev.magnetar.sim.dcos;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The simulated Cosmos keeps one repository list per cluster, consistent across list, add, delete and
 * search, checks each endpoint's media types, and fails a search on a repository made unreachable.
 */
class SimulatedCosmosTest {

    private static SimulatedDcos dcos;
    private static final AdminRouterClient http = new AdminRouterClient(() -> dcos.clientContext());
    private static int clusters;
    private String api;
    private String id;

    @BeforeAll
    static void start() {
        dcos = SimulatedDcos.start();
    }

    @AfterAll
    static void stop() {
        dcos.close();
    }

    @BeforeEach
    void aCluster() {
        id = "cosmos" + (++clusters);
        api = dcos.register(DcosClusterSpec.of(id, 1, 1, 0, "2.2.0"));
    }

    private AdminRouterClient.Answer call(String kind, String path, String body) {
        return http.post(api + path, SimulatedCosmos.requestType(kind), SimulatedCosmos.responseType(kind), body);
    }

    @Test
    void startsWithDcosDefaultPublicUniverse() {
        AdminRouterClient.Answer list = call("repository.list", "/package/repository/list", "{}");

        assertThat(list.status()).isEqualTo(200);
        assertThat(list.response().headers().firstValue("Content-Type")).contains(
                "application/vnd.dcos.package.repository.list-response+json;charset=utf-8;version=v1");
        assertThat(list.json().get("repositories").toString())
                .isEqualTo("[{\"name\":\"Universe\",\"uri\":\"https://universe.mesosphere.com/repo\"}]");
    }

    @Test
    void addPutsTheRepositoryAtItsIndexAndAnswersTheWholeList() {
        AdminRouterClient.Answer added = call("repository.add", "/package/repository/add",
                "{\"name\":\"local-universe\",\"uri\":\"http://10.0.0.4:8082/repo\",\"index\":0}");
        call("repository.add", "/package/repository/add", "{\"name\":\"last\",\"uri\":\"https://r.example/last\"}");

        assertThat(added.status()).isEqualTo(200);
        assertThat(added.json().get("repositories").findValuesAsText("name")).containsExactly("local-universe", "Universe");
        assertThat(dcos.repositories(id)).containsExactly("local-universe=http://10.0.0.4:8082/repo",
                "Universe=https://universe.mesosphere.com/repo", "last=https://r.example/last");
    }

    @Test
    void addingANameOrUriTwiceIsAConflictAndChangesNothing() {
        AdminRouterClient.Answer again = call("repository.add", "/package/repository/add",
                "{\"name\":\"other\",\"uri\":\"https://universe.mesosphere.com/repo\"}");

        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().get("type").asText()).isEqualTo("RepositoryAlreadyPresent");
        assertThat(dcos.repositories(id)).hasSize(1);
    }

    @Test
    void anIndexBeyondTheListIsRefused() {
        AdminRouterClient.Answer refused = call("repository.add", "/package/repository/add",
                "{\"name\":\"x\",\"uri\":\"https://r.example/x\",\"index\":5}");

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().get("type").asText()).isEqualTo("RepositoryAddIndexOutOfBounds");
    }

    @Test
    void deleteByNameRemovesItAndAMissingOneIsNotPresent() {
        AdminRouterClient.Answer deleted = call("repository.delete", "/package/repository/delete", "{\"name\":\"Universe\"}");
        AdminRouterClient.Answer again = call("repository.delete", "/package/repository/delete", "{\"name\":\"Universe\"}");
        AdminRouterClient.Answer neither = call("repository.delete", "/package/repository/delete", "{}");

        assertThat(deleted.status()).isEqualTo(200);
        assertThat(deleted.json().get("repositories")).isEmpty();
        assertThat(again.status()).isEqualTo(404);
        assertThat(again.json().get("type").asText()).isEqualTo("RepositoryNotPresent");
        assertThat(neither.status()).isEqualTo(400);
    }

    @Test
    void searchReturnsAPackageOfEveryListedRepository() {
        call("repository.add", "/package/repository/add", "{\"name\":\"mirror\",\"uri\":\"https://r.example/m\"}");

        JsonNode found = call("search", "/package/search", "{}").json();
        JsonNode queried = call("search", "/package/search", "{\"query\":\"mirror\"}").json();

        assertThat(found.get("packages").findValuesAsText("name")).containsExactly("hello-universe", "hello-mirror");
        assertThat(found.get("packages").get(0).get("versions").get("1.0.0-1").asInt()).isZero();
        assertThat(queried.get("packages").findValuesAsText("name")).containsExactly("hello-mirror");
    }

    @Test
    void anUnreachableRepositoryFailsTheSearchNamingIt() {
        call("repository.add", "/package/repository/add", "{\"name\":\"mirror\",\"uri\":\"https://r.example/m\"}");
        dcos.setFaults(id, DcosFaults.NONE.withUnreachableRepository("mirror"));

        AdminRouterClient.Answer failed = call("search", "/package/search", "{}");

        assertThat(failed.status()).isEqualTo(502);
        assertThat(failed.response().headers().firstValue("Content-Type")).contains(SimulatedCosmos.ERROR_TYPE);
        assertThat(failed.json().get("type").asText()).isEqualTo("RepositoryUriConnection");
        assertThat(failed.json().at("/data/name").asText()).isEqualTo("mirror");
    }

    @Test
    void wrongMediaTypesAreRefusedAsCosmosDoes() {
        AdminRouterClient.Answer plainJson = http.post(api + "/package/repository/list", "application/json",
                SimulatedCosmos.responseType("repository.list"), "{}");
        AdminRouterClient.Answer wrongAccept = http.post(api + "/package/repository/list",
                SimulatedCosmos.requestType("repository.list"), SimulatedCosmos.responseType("search"), "{}");

        assertThat(plainJson.status()).isEqualTo(415);
        assertThat(wrongAccept.status()).isEqualTo(406);
        assertThat(dcos.repositories(id)).hasSize(1);
    }
}
