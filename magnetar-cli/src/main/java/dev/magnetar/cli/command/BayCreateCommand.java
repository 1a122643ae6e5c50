package dev.magnetar.cli.command;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.magnetar.cli.http.MagnumClient;
import dev.magnetar.cli.wait.StatusWaiter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.util.concurrent.Callable;

/**
 * {@code bay-create}: resolves the baymodel to its uuid (as the Magnum client does, so a wrong name
 * fails with the baymodel's own 404) and creates the bay. At API 1.1 the server answers 201 with the
 * bay, which is shown; from 1.2 on it accepts the request (202) and the uuid is reported.
 */
@Command
public final class BayCreateCommand implements Callable<Integer> {

    private final CliContext context;

    @Option(names = "--name", paramLabel = "<name>", description = "Name of the bay.")
    String name;

    @Option(names = "--baymodel", required = true, paramLabel = "<baymodel>", description = "Baymodel name or uuid.")
    String baymodel;

    @Mixin
    SizeOptions size;

    @Mixin
    PreviewOptions preview;

    @Mixin
    WaitOption waitOption;

    public BayCreateCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        String baymodelUuid = context.client().get(ResourceType.BAYMODEL.item(baymodel)).body().path("uuid").asText(baymodel);
        if (preview.requested()) {
            return preview.preview(context, clusterBody(baymodelUuid));
        }
        MagnumClient.Response response = context.client().post(ResourceType.BAY.collection(), bayBody(baymodelUuid));
        String uuid = response.body().path("uuid").asText();
        if (response.status() == 201) {
            context.output().resource(response.body());
        } else {
            context.output().accepted(response.body(), "Request to create bay " + uuid + " has been accepted.");
        }
        if (waitOption.enabled) {
            return context.waiter().await(ResourceType.BAY.item(uuid), ResourceType.BAY.faultsField(), StatusWaiter.Goal.SETTLED);
        }
        return 0;
    }

    private ObjectNode bayBody(String baymodelUuid) {
        ObjectNode body = context.json().createObjectNode();
        TemplateOptions.putIfSet(body, "name", name);
        body.put("baymodel_id", baymodelUuid);
        size.putInto(body, "bay_create_timeout");
        return body;
    }

    /** The preview endpoint speaks the cluster dialect: the same request with cluster field names. */
    private ObjectNode clusterBody(String baymodelUuid) {
        ObjectNode body = context.json().createObjectNode();
        TemplateOptions.putIfSet(body, "name", name);
        body.put("cluster_template_id", baymodelUuid);
        size.putInto(body, "create_timeout");
        return body;
    }
}
