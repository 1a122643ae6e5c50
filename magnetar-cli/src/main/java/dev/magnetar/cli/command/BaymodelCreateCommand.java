package dev.magnetar.cli.command;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.magnetar.cli.input.Labels;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.util.concurrent.Callable;

/**
 * {@code baymodel-create}: registers a baymodel and shows it. A baymodel must name its keypair; a
 * cluster template ({@link ClusterBaymodelCreateCommand}) need not.
 */
@Command
public final class BaymodelCreateCommand implements Callable<Integer> {

    private final CliContext context;

    @Spec
    CommandSpec spec;

    @Mixin
    TemplateOptions template;

    public BaymodelCreateCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        if (template.keypair == null) {
            throw new ParameterException(spec.commandLine(), "Missing required option: '--keypair-id=<keypair>'");
        }
        ObjectNode body = context.json().createObjectNode();
        template.writeTo(body, new Labels(context.json()));
        context.output().resource(context.client().post(ResourceType.BAYMODEL.collection(), body).body());
        return 0;
    }
}
