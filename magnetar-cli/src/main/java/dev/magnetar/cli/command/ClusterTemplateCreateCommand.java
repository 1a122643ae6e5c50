package dev.magnetar.cli.command;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.magnetar.cli.input.Labels;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.util.concurrent.Callable;

/**
 * {@code cluster-template-create [<name>]}: the baymodel options plus the later template fields
 * ({@code insecure_registry}, {@code hidden}, {@code tags}); the name may be given positionally.
 */
@Command
public final class ClusterTemplateCreateCommand implements Callable<Integer> {

    private final CliContext context;

    @Spec
    CommandSpec spec;

    @Mixin
    TemplateOptions template;

    @Parameters(index = "0", arity = "0..1", paramLabel = "<name>", description = "Name of the cluster template.")
    String positionalName;

    @Option(names = "--insecure-registry", paramLabel = "<insecure-registry>", description = "URL of an insecure docker registry.")
    String insecureRegistry;

    @Option(names = "--tags", paramLabel = "<tags>", description = "Tags for the template.")
    String tags;

    @ArgGroup(exclusive = true)
    Visibility visibility;

    /** {@code --hidden} and {@code --visible} exclude each other. */
    static final class Visibility {
        @Option(names = "--hidden", description = "Hide the template from listings (admin only).")
        boolean hidden;

        @Option(names = "--visible", description = "Show the template in listings.")
        boolean visible;
    }

    public ClusterTemplateCreateCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        if (positionalName != null && template.name != null) {
            throw new ParameterException(spec.commandLine(), "Give the name either positionally or with --name, not both.");
        }
        if (positionalName != null) {
            template.name = positionalName;
        }
        ObjectNode body = context.json().createObjectNode();
        template.writeTo(body, new Labels(context.json()));
        TemplateOptions.putIfSet(body, "insecure_registry", insecureRegistry);
        TemplateOptions.putIfSet(body, "tags", tags);
        if (visibility != null) {
            body.put("hidden", visibility.hidden);
        }
        context.output().resource(context.client().post(ResourceType.CLUSTER_TEMPLATE.collection(), body).body());
        return 0;
    }
}
