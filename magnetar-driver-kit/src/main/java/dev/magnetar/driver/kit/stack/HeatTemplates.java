package dev.magnetar.driver.kit.stack;

import dev.magnetar.core.port.StackSpec;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A driver's Heat templates: the top-level template, the nested templates and fragments it
 * reaches by {@code get_file} or type name, and {@code environment.yaml}, all in one folder of
 * the driver's resources. They are the same for every cluster; only the parameters differ.
 *
 * <p>The node-script helpers every driver shares (strict mode, logging, signalling Heat's wait
 * condition, step tracking) are written once, in the kit's {@code fragments/node-common.sh}: the
 * stack's file named as the drivers' script base ({@link #SCRIPT_BASE}) is that text followed by
 * the driver's own file of that name, so the templates' {@code get_file} is unchanged.
 */
public final class HeatTemplates {

    /** The fragment each node script starts with, by the name the templates use. */
    public static final String SCRIPT_BASE = "fragments/common.sh";

    private static final String NODE_COMMON = new DriverResources(HeatTemplates.class, "/dev/magnetar/driver/kit/")
            .read("fragments/node-common.sh");

    private final DriverResources resources;
    private final String folder;
    private final String main;
    private final List<String> files;
    private final boolean sharedScriptBase;

    /**
     * @param folder the templates' folder below the resources, e.g. {@code templates/}
     * @param main   the top-level template's name in that folder
     * @param files  the nested templates and fragments, by the name the templates use
     */
    public HeatTemplates(DriverResources resources, String folder, String main, List<String> files) {
        this(resources, folder, main, files, false);
    }

    private HeatTemplates(DriverResources resources, String folder, String main, List<String> files,
                          boolean sharedScriptBase) {
        this.resources = resources;
        this.folder = folder.endsWith("/") ? folder : folder + "/";
        this.main = main;
        this.files = List.copyOf(files);
        this.sharedScriptBase = sharedScriptBase;
    }

    /**
     * The same templates whose {@link #SCRIPT_BASE} starts with the kit's shared node-script helpers;
     * the driver's own file of that name holds only what its nodes need beyond them.
     */
    public HeatTemplates withSharedScriptBase() {
        return new HeatTemplates(resources, folder, main, files, true);
    }

    /** The nested templates and fragments by the name the templates use, in the given order. */
    public Map<String, String> files() {
        Map<String, String> texts = new LinkedHashMap<>();
        files.forEach(name -> texts.put(name, sharedScriptBase && name.equals(SCRIPT_BASE)
                ? NODE_COMMON + "\n" + resources.read(folder + name) : resources.read(folder + name)));
        return texts;
    }

    /** The stack for one cluster: these templates with its parameters. */
    public StackSpec spec(Map<String, Object> parameters) {
        return new StackSpec(resources.read(folder + main), files(), resources.read(folder + "environment.yaml"),
                parameters);
    }
}
