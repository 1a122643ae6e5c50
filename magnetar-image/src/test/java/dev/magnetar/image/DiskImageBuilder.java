package dev.magnetar.image;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * diskimage-builder's own element resolver, as installed by Debian's python3-diskimage-builder
 * (which has no element-info command; disk-image-create runs the same module) or by pip
 * (element-info).
 */
final class DiskImageBuilder {

    private final List<String> elementInfo;
    private final Path elementsDir;

    private DiskImageBuilder(List<String> elementInfo, Path elementsDir) {
        this.elementInfo = elementInfo;
        this.elementsDir = elementsDir;
    }

    /** The installed diskimage-builder, or a skip (failure when tools are required). */
    static DiskImageBuilder require() {
        for (String python : List.of("/usr/bin/python3", "python3")) {
            Result found = run(List.of(python, "-c", "import diskimage_builder, os; "
                    + "print(os.path.join(os.path.dirname(diskimage_builder.__file__), 'elements'))"), Map.of());
            if (found != null && found.exit == 0) {
                List<String> command = Tools.find("element-info").map(p -> List.of(p.toString()))
                        .orElse(List.of(python, "-m", "diskimage_builder.element_dependencies"));
                return new DiskImageBuilder(command, Path.of(found.output.trim()));
            }
        }
        Tools.missing("diskimage-builder is not installed (apt-get install -y python3-diskimage-builder)");
        return null;
    }

    Path elementsDir() {
        return elementsDir;
    }

    /** element-info ELEMENTS... with ELEMENTS_PATH = the given path plus diskimage-builder's own elements. */
    Result expand(String elementsPath, List<String> elements) {
        List<String> command = new ArrayList<>(elementInfo);
        command.addAll(elements);
        return run(command, Map.of("ELEMENTS_PATH", elementsPath + ":" + elementsDir, "DIB_RELEASE", "7"));
    }

    private static Result run(List<String> command, Map<String, String> env) {
        try {
            ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
            pb.environment().putAll(env);
            Process p = pb.start();
            String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException("element-info did not finish");
            }
            return new Result(p.exitValue(), output);
        } catch (java.io.IOException absent) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    record Result(int exit, String output) {
        List<String> words() {
            return List.of(output.trim().split("\\s+"));
        }
    }
}
