package dev.magnetar.cli.command;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.magnetar.cli.http.MagnumClient;
import dev.magnetar.cli.input.Labels;
import dev.magnetar.cli.wait.StatusWaiter;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code cluster-create [<name>]}: resolves the cluster template to its uuid, as the Magnum client
 * does, and asks for the cluster (always 202 with its uuid). Options left out are left out of the
 * body, so that the template's values apply.
 */
@Command
public final class ClusterCreateCommand implements Callable<Integer> {

    private final CliContext context;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "<name>", description = "Name of the cluster.")
    String positionalName;

    @Option(names = "--name", paramLabel = "<name>", description = "Name of the cluster.")
    String name;

    @Option(names = "--cluster-template", required = true, paramLabel = "<cluster-template>",
            description = "Cluster template name or uuid.")
    String clusterTemplate;

    @Option(names = {"--keypair", "--keypair-id"}, paramLabel = "<keypair>", description = "Nova keypair (default: the template's).")
    String keypair;

    @Option(names = "--docker-volume-size", paramLabel = "<docker-volume-size>", description = "Docker volume size in GB.")
    Integer dockerVolumeSize;

    @Option(names = "--labels", paramLabel = "<KEY1=VALUE1,KEY2=VALUE2;KEY3=VALUE3...>",
            description = "Driver labels; repeat the option or separate pairs with , or ;.")
    List<String> labels = new ArrayList<>();

    @Option(names = "--merge-labels", description = "Merge --labels into the template's labels instead of replacing them.")
    boolean mergeLabels;

    @Mixin
    SizeOptions size;

    @Option(names = {"--flavor", "--flavor-id"}, paramLabel = "<flavor>", description = "Nova flavor for the nodes.")
    String flavor;

    @Option(names = {"--master-flavor", "--master-flavor-id"}, paramLabel = "<master-flavor>", description = "Nova flavor for the masters.")
    String masterFlavor;

    @Option(names = "--fixed-network", paramLabel = "<fixed-network>", description = "Private Neutron network name or id.")
    String fixedNetwork;

    @Option(names = "--fixed-subnet", paramLabel = "<fixed-subnet>", description = "Private Neutron subnet name or id.")
    String fixedSubnet;

    @ArgGroup(exclusive = true)
    FloatingIp floatingIp;

    @ArgGroup(exclusive = true)
    MasterLb masterLb;

    @Mixin
    PreviewOptions preview;

    @Mixin
    WaitOption waitOption;

    /** {@code --floating-ip-enabled} and {@code --floating-ip-disabled} exclude each other. */
    static final class FloatingIp {
        @Option(names = "--floating-ip-enabled", description = "Give the nodes floating IPs.")
        boolean enabled;

        @Option(names = "--floating-ip-disabled", description = "Give the nodes no floating IPs.")
        boolean disabled;
    }

    /** {@code --master-lb-enabled} and {@code --master-lb-disabled} exclude each other. */
    static final class MasterLb {
        @Option(names = "--master-lb-enabled", description = "Put a load balancer in front of the masters.")
        boolean enabled;

        @Option(names = "--master-lb-disabled", description = "No load balancer in front of the masters.")
        boolean disabled;
    }

    public ClusterCreateCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        if (positionalName != null && name != null) {
            throw new ParameterException(spec.commandLine(), "Give the name either positionally or with --name, not both.");
        }
        String templateUuid = context.client().get(ResourceType.CLUSTER_TEMPLATE.item(clusterTemplate)).body()
                .path("uuid").asText(clusterTemplate);
        ObjectNode body = body(templateUuid);
        if (preview.requested()) {
            return preview.preview(context, body);
        }
        MagnumClient.Response response = context.client().post(ResourceType.CLUSTER.collection(), body);
        String uuid = response.body().path("uuid").asText();
        context.output().accepted(response.body(), "Request to create cluster " + uuid + " has been accepted.");
        if (waitOption.enabled) {
            return context.waiter().await(ResourceType.CLUSTER.item(uuid), ResourceType.CLUSTER.faultsField(),
                    StatusWaiter.Goal.SETTLED);
        }
        return 0;
    }

    private ObjectNode body(String templateUuid) {
        ObjectNode body = context.json().createObjectNode();
        TemplateOptions.putIfSet(body, "name", positionalName != null ? positionalName : name);
        body.put("cluster_template_id", templateUuid);
        TemplateOptions.putIfSet(body, "keypair", keypair);
        if (dockerVolumeSize != null) {
            body.put("docker_volume_size", dockerVolumeSize);
        }
        if (!labels.isEmpty()) {
            ObjectNode labelNode = body.putObject("labels");
            new Labels(context.json()).parse(labels).forEach(labelNode::put);
        }
        if (mergeLabels) {
            body.put("merge_labels", true);
        }
        size.putInto(body, "create_timeout");
        TemplateOptions.putIfSet(body, "flavor_id", flavor);
        TemplateOptions.putIfSet(body, "master_flavor_id", masterFlavor);
        TemplateOptions.putIfSet(body, "fixed_network", fixedNetwork);
        TemplateOptions.putIfSet(body, "fixed_subnet", fixedSubnet);
        if (floatingIp != null) {
            body.put("floating_ip_enabled", floatingIp.enabled);
        }
        if (masterLb != null) {
            body.put("master_lb_enabled", masterLb.enabled);
        }
        return body;
    }
}
