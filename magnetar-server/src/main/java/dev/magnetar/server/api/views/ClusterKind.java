package dev.magnetar.server.api.views;

/** Clusters and their legacy name, bays: the same resource with a few fields renamed. */
public enum ClusterKind {
    CLUSTER("clusters", "cluster", "cluster_template_id", "create_timeout", "faults"),
    BAY("bays", "bay", "baymodel_id", "bay_create_timeout", "bay_faults");

    private final String collection;
    private final String argument;
    private final String templateField;
    private final String timeoutField;
    private final String faultsField;

    ClusterKind(String collection, String argument, String templateField, String timeoutField, String faultsField) {
        this.collection = collection;
        this.argument = argument;
        this.templateField = templateField;
        this.timeoutField = timeoutField;
        this.faultsField = faultsField;
    }

    public String collection() {
        return collection;
    }

    public String argument() {
        return argument;
    }

    public String templateField() {
        return templateField;
    }

    public String timeoutField() {
        return timeoutField;
    }

    public String faultsField() {
        return faultsField;
    }

    /** The suffix of generated names: {@code -cluster} or {@code -bay}. */
    public String nameSuffix() {
        return argument;
    }
}
