package dev.magnetar.driver.kit.stack;

import dev.magnetar.core.port.StackSpec;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A driver's Heat templates: the top-level template, the nested templates and fragments it
 * reaches by {@code get_file} or type name, and {@code environment.yaml}, all in one folder of
 * the driver's resources. They are the same for every cluster; only the parameters differ.
 */
public final class HeatTemplates {

    private final DriverResources resources;
    private final String folder;
    private final String main;
    private final List<String> files;

    /**
     * @param folder the templates' folder below the resources, e.g. {@code templates/}
     * @param main   the top-level template's name in that folder
     * @param files  the nested templates and fragments, by the name the templates use
     */
    public HeatTemplates(DriverResources resources, String folder, String main, List<String> files) {
        this.resources = resources;
        this.folder = folder.endsWith("/") ? folder : folder + "/";
        this.main = main;
        this.files = List.copyOf(files);
    }

    /** The nested templates and fragments by the name the templates use, in the given order. */
    public Map<String, String> files() {
        Map<String, String> texts = new LinkedHashMap<>();
        files.forEach(name -> texts.put(name, resources.read(folder + name)));
        return texts;
    }

    /** The stack for one cluster: these templates with its parameters. */
    public StackSpec spec(Map<String, Object> parameters) {
        return new StackSpec(resources.read(folder + main), files(), resources.read(folder + "environment.yaml"),
                parameters);
    }
}
