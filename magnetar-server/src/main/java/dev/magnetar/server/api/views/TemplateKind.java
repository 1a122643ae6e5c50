package dev.magnetar.server.api.views;

/** The two names of one resource: Magnum's cluster templates and their legacy name, baymodels. */
public enum TemplateKind {
    CLUSTER_TEMPLATE("clustertemplates", "cluster_template", "template", false),
    BAYMODEL("baymodels", "baymodel", "model", true);

    private final String collection;
    private final String argument;
    private final String nameSuffix;
    private final boolean keypairMandatory;

    TemplateKind(String collection, String argument, String nameSuffix, boolean keypairMandatory) {
        this.collection = collection;
        this.argument = argument;
        this.nameSuffix = nameSuffix;
        this.keypairMandatory = keypairMandatory;
    }

    public String collection() {
        return collection;
    }

    /** The body's name in "Unknown attribute for argument X" messages. */
    public String argument() {
        return argument;
    }

    public String nameSuffix() {
        return nameSuffix;
    }

    public boolean keypairMandatory() {
        return keypairMandatory;
    }
}
