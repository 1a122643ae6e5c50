package dev.magnetar.server.openstack;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.magnetar.core.port.StackSpec;
import dev.magnetar.openstack.http.OpenStackHttp;
import dev.magnetar.openstack.http.RetryPolicy;
import dev.magnetar.openstack.http.ServiceResponse;
import dev.magnetar.openstack.it.LoopbackOpenStack;
import dev.magnetar.openstack.keystone.IssuedToken;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every golden stack of both drivers (their test jars' {@code GoldenStacks}) passes the real Heat's
 * template validation with the real resource plugins: {@code POST /validate} with the template, its
 * files and the environment with the case's parameters, as a project member, which is the request
 * {@code openstack orchestration template validate -t <template> -e <environment>} sends; and that
 * command itself, Debian's openstackclient with python3-heatclient, on the DC/OS blueprint's stack
 * written to a folder. The resource services ({@link RealResources}) are in Keystone's catalogue
 * only while this test runs: without them Heat refuses every {@code OS::Neutron::*} resource with
 * "Service neutron is not available".
 *
 * <p>What Heat checks there (heat/engine/service.py {@code validate_template}: the stack is parsed
 * with {@code strict_validate=False} and validated with {@code validate_res_tmpl_only=True}):
 * <ul>
 *   <li>the template's structure and version, every intrinsic function, references to resources
 *       and parameters, and {@code get_attr} names against each plugin's attribute schema (a
 *       template resource's attributes being its template's outputs), in resources and outputs;
 *   <li>that every given parameter is declared, and that each parameter's schema is valid with
 *       its default meeting the range, length, allowed-values and pattern constraints;
 *   <li>per resource: the type is registered (a {@code Magnetar::*} type through the
 *       environment's {@code resource_registry} and the files), its service is in the caller's
 *       catalogue, and for some Neutron types the service has the extension
 *       ({@code router} for routers and router interfaces, {@code security-group}): a real call to
 *       Neutron; deletion and update policies; and property <em>names</em> at the top level of the
 *       properties (no "Unknown Property"), for a template resource against its template's
 *       parameters.
 * </ul>
 * What it does not check: property values (types, required properties, nested map keys, allowed
 * values) and parameter values, so neither the plugins' custom constraints ({@code nova.flavor},
 * {@code glance.image}, {@code nova.keypair}, {@code neutron.network}, ...) nor a template's own
 * {@code custom_constraint} (the drivers declare none) are looked up, and the golden cases'
 * flavors, images and networks need not exist; nor the plugins' own {@code validate()} (e.g. a
 * server's networks); nor anything inside a nested template: {@code OS::Heat::ResourceGroup}
 * members and template resources are checked only by their interface. So this test also validates
 * each nested template of a driver (node, load balancer, master and agent templates) on its own,
 * which reaches their servers, ports, volumes and Octavia resources the same way. Stack create
 * (and {@code stack create --dry-run}) validates strictly, values and nested stacks included.
 */
@EnabledIfEnvironmentVariable(named = "MAGNETAR_TEST_REAL_CLOUD", matches = "true")
@ExtendWith(LoopbackOpenStack.class)
class GoldenStacksValidateIT {

    private static final String PROJECT = "alpha";
    private static final String MEMBER = PROJECT + "-member";
    private static final OpenStackHttp HTTP = new OpenStackHttp(Duration.ofSeconds(5), Duration.ofSeconds(60));
    private static final YAMLMapper YAML = new YAMLMapper();

    private static RealResources cloud;
    private static IssuedToken token;
    private static URI heat;

    @BeforeAll
    static void open() {
        cloud = RealResources.open();
        // A token of its own, issued after the catalogue has the resource services (Heat reads the
        // services from the caller's token, and LoopbackCloud's tokens may predate them).
        token = LoopbackOpenStack.login(LoopbackCloud.keystone(), MEMBER, PROJECT);
        heat = LoopbackCloud.keystone().endpoint(token.info().catalog(), "orchestration")
                .orElseThrow(() -> new AssertionError("Heat is not in the catalogue"));
    }

    @AfterAll
    static void close() {
        if (cloud != null) {
            cloud.close();
        }
    }

    private static Map<String, Map<String, StackSpec>> drivers() {
        Map<String, Map<String, StackSpec>> drivers = new LinkedHashMap<>();
        drivers.put("dcos", dev.magnetar.driver.dcos.GoldenStacks.all());
        drivers.put("mesos", dev.magnetar.driver.mesos.GoldenStacks.all());
        return drivers;
    }

    @TestFactory
    Stream<DynamicTest> everyGoldenStackPassesHeatsTemplateValidation() {
        List<DynamicTest> tests = new ArrayList<>();
        drivers().forEach((driver, cases) -> {
            cases.forEach((name, spec) -> tests.add(DynamicTest.dynamicTest(driver + "/" + name,
                    () -> assertValid(driver + "/" + name, spec.template(), spec, spec.parameters()))));
            // The nested templates, each validated on its own with the files of a case that has it,
            // once with each parameter set below; a file that differs between cases, once per content.
            Map<String, Map<String, StackSpec>> nested = new LinkedHashMap<>();
            cases.values().forEach(spec -> spec.files().forEach((file, content) -> {
                if (content.startsWith("heat_template_version") || content.contains("\nheat_template_version")) {
                    nested.computeIfAbsent(file, f -> new LinkedHashMap<>()).putIfAbsent(content, spec);
                }
            }));
            nested.forEach((file, contents) -> {
                int variant = 0;
                for (Map.Entry<String, StackSpec> content : contents.entrySet()) {
                    String label = driver + "/" + file + (contents.size() > 1 ? " #" + ++variant : "");
                    NESTED_PARAMETERS.forEach((set, values) -> {
                        String name = label + " (" + set + ")";
                        tests.add(DynamicTest.dynamicTest(name, () -> assertValid(name, content.getKey(),
                                content.getValue(), declared(content.getKey(), values))));
                    });
                }
            });
        });
        return tests.stream();
    }

    /**
     * Values for a nested template's condition parameters, which Heat evaluates while validating (a
     * condition on a parameter without a value is refused) and which decide the resources it
     * validates: between the two sets every conditional resource of the drivers' nested templates
     * (floating IPs, Docker volumes, load-balancer members, own and upgrade wait conditions) is on once.
     * Other parameters need no value: validation does not look at values.
     */
    private static final Map<String, Map<String, Object>> NESTED_PARAMETERS = new TreeMap<>(Map.of(
            "every option on", Map.of("floating_ip_enabled", true, "docker_volume_size", 10,
                    "lb_pools", List.of("pool-80", "pool-443", "pool-2181", "pool-5050", "pool-8080", "pool-8181"),
                    "wait_notify", "", "upgrade_slot", "a"),
            "every option off", Map.of("floating_ip_enabled", false, "docker_volume_size", 0, "lb_pools", List.of(),
                    "wait_notify", "curl -X POST http://127.0.0.1:8004/signal", "upgrade_slot", "b")));

    /** Those of the values whose parameters the template declares (Heat refuses undeclared ones). */
    private static Map<String, Object> declared(String template, Map<String, Object> values) {
        try {
            Map<String, Object> parsed = YAML.readValue(template, new TypeReference<>() { });
            Object parameters = parsed.get("parameters");
            Map<String, Object> found = new LinkedHashMap<>();
            if (parameters instanceof Map<?, ?> declared) {
                values.forEach((name, value) -> {
                    if (declared.containsKey(name)) {
                        found.put(name, value);
                    }
                });
            }
            return found;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The acceptance's literal command: Debian's openstackclient on the blueprint's stack in a folder. */
    @Test
    void theOpenstackCliValidatesTheDcosBlueprintStack(@TempDir Path dir) throws IOException {
        StackSpec spec = dev.magnetar.driver.dcos.GoldenStacks.all().get("blueprint");
        Path template = write(dir, "dcoscluster.yaml", spec.template());
        spec.files().forEach((name, content) -> write(dir, name, content));
        Map<String, Object> environment = new LinkedHashMap<>(environment(spec));
        environment.put("parameters", spec.parameters());
        Path env = write(dir, "environment-with-parameters.yaml", YAML.writeValueAsString(environment));

        OpenStackCli.Run run = OpenStackCli.run(MEMBER, PROJECT, "orchestration", "template", "validate", "-t", template.toString(), "-e", env.toString(),
                "-f", "json");
        assertThat(run.status()).as(run.output()).isZero();
        assertThat(run.output()).as("the template's parameters, as Heat answers a valid template")
                .contains("\"Parameters\"");
    }

    /** POST {heat}/validate as the member, with the files and the environment holding the parameters. */
    private static void assertValid(String name, String template, StackSpec spec, Map<String, Object> parameters) {
        Map<String, Object> environment = new LinkedHashMap<>(environment(spec));
        environment.put("parameters", parameters);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("template", template);
        body.put("files", spec.files());
        body.put("environment", environment);
        ServiceResponse response = HTTP.send("POST", URI.create(heat + "/validate"),
                Map.of("X-Auth-Token", token.value()), body, RetryPolicy.DEFAULT);
        assertThat(response.isSuccess())
                .as(() -> name + ": Heat answers HTTP " + response.status() + " " + response.errorMessage()).isTrue();
        assertThat(response.body().has("Parameters")).as(name + ": " + response.body()).isTrue();
    }

    /** The driver's environment document (its resource_registry) as a map. */
    private static Map<String, Object> environment(StackSpec spec) {
        if (spec.environment().isBlank()) {
            return Map.of();
        }
        try {
            Map<String, Object> parsed = YAML.readValue(spec.environment(), new TypeReference<>() { });
            return parsed == null ? Map.of() : parsed;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path write(Path dir, String name, String content) {
        try {
            Path file = dir.resolve(name);
            Files.createDirectories(file.getParent());
            return Files.writeString(file, content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
