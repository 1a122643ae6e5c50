package dev.magnetar.cli.command;

import dev.magnetar.cli.http.ApiPath;

/**
 * The four Magnum resources that come in a legacy and a current spelling. Bays and clusters are the
 * same thing under different names, as are baymodels and cluster templates; commands are written
 * once against this table.
 */
public enum ResourceType {
    BAYMODEL("baymodels", "baymodel", null, null, null),
    CLUSTER_TEMPLATE("clustertemplates", "cluster template", null, null, null),
    BAY("bays", "bay", "bay_faults", BAYMODEL, "baymodel_id"),
    CLUSTER("clusters", "cluster", "faults", CLUSTER_TEMPLATE, "cluster_template_id");

    private final String collection;
    private final String noun;
    private final String faultsField;
    private final ResourceType template;
    private final String templateIdField;

    ResourceType(String collection, String noun, String faultsField, ResourceType template, String templateIdField) {
        this.collection = collection;
        this.noun = noun;
        this.faultsField = faultsField;
        this.template = template;
        this.templateIdField = templateIdField;
    }

    /** {@code /v1/<collection>}. */
    public ApiPath collection() {
        return ApiPath.v1(collection);
    }

    /** {@code /v1/<collection>/<ident>}. */
    public ApiPath item(String ident) {
        return ApiPath.v1(collection, ident);
    }

    /** The key of the list in a collection response, e.g. {@code clustertemplates}. */
    public String listKey() {
        return collection;
    }

    /** How messages name one of these, e.g. "cluster template". */
    public String noun() {
        return noun;
    }

    /** Where a failed bay or cluster lists its failed Heat resources. */
    public String faultsField() {
        return faultsField;
    }

    /** The template type a bay or cluster is made from. */
    public ResourceType template() {
        return template;
    }

    /** The field of a bay or cluster holding its template's uuid. */
    public String templateIdField() {
        return templateIdField;
    }

    /** The key under which {@code --long} shows the template, e.g. {@code cluster_template}. */
    public String templateKey() {
        return template.noun.replace(' ', '_');
    }
}
