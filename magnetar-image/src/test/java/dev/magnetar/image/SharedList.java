package dev.magnetar.image;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/** Reads the prerequisite list the way its users do: by sourcing it in bash. */
final class SharedList {

    private SharedList() {
    }

    /** The items of one array of the list. */
    static List<String> array(Path workDir, String name) {
        return lines(workDir, "printf '%s\\n' \"${" + name + "[@]}\"");
    }

    /** The value of one scalar of the list. */
    static String scalar(Path workDir, String name) {
        return String.join("\n", lines(workDir, "printf '%s\\n' \"$" + name + "\""));
    }

    /** What the list's own helper prints for the given shell words. */
    static List<String> lines(Path workDir, String snippet) {
        try {
            Path dir = Files.createTempDirectory(workDir, "list");
            Sandbox.Result r = new Sandbox(dir)
                    .bash(". \"$0\"; " + snippet, Repo.PREREQUISITES.toString()).assertSucceeded();
            return Arrays.stream(r.stdout().split("\n")).filter(s -> !s.isEmpty()).toList();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
