package dev.magnetar.image;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs an element or node script with a PATH holding only recording stubs and the few real tools
 * the test allows, so a script can be exercised without touching the host. Every stub appends
 * {@code name args...} to a call log that the test reads back.
 */
final class Sandbox {

    private final Path dir;
    private final Path bin;
    private final Path log;
    private final Map<String, String> env = new LinkedHashMap<>();

    Sandbox(Path dir) {
        this.dir = dir;
        this.bin = dir.resolve("bin");
        this.log = dir.resolve("calls.log");
        try {
            Files.createDirectories(bin);
            Files.writeString(log, "");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        env.put("PATH", bin.toString());
        env.put("STUB_LOG", log.toString());
        env.put("STUB_BIN", bin.toString());
        env.put("LC_ALL", "C");
    }

    Path dir() {
        return dir;
    }

    /** A stub that records its call and then runs {@code body} (bash). */
    Sandbox stub(String name, String body) {
        write(bin.resolve(name), "#!/bin/bash\nprintf '%s\\n' \"" + name + " $*\" >> \"$STUB_LOG\"\n" + body + "\n");
        return this;
    }

    Sandbox stubs(String... names) {
        for (String name : names) {
            stub(name, "exit 0");
        }
        return this;
    }

    /** Real host tools the script may use. */
    Sandbox allow(String... tools) {
        for (String tool : tools) {
            Path real = Tools.find(tool).orElseThrow(() -> new IllegalStateException("no " + tool + " on this host"));
            try {
                Files.deleteIfExists(bin.resolve(tool));
                Files.createSymbolicLink(bin.resolve(tool), real);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return this;
    }

    Sandbox env(String name, String value) {
        env.put(name, value);
        return this;
    }

    /** Runs {@code bash -c script args...}. */
    Result bash(String script, String... args) {
        List<String> command = new ArrayList<>(List.of(Tools.find("bash").orElseThrow().toString(), "-c", script));
        command.addAll(List.of(args));
        try {
            ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile());
            pb.environment().clear();
            pb.environment().putAll(env);
            pb.redirectOutput(dir.resolve("stdout").toFile()).redirectError(dir.resolve("stderr").toFile());
            Process p = pb.start();
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException("script did not finish within 60 s");
            }
            return new Result(p.exitValue(), Files.readString(dir.resolve("stdout")),
                    Files.readString(dir.resolve("stderr")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The recorded stub calls, in order. */
    List<String> calls() {
        try {
            return Files.readAllLines(log, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The recorded calls of one stub, without its name. */
    List<String> callsOf(String name) {
        return calls().stream().filter(c -> c.startsWith(name + " ")).map(c -> c.substring(name.length() + 1)).toList();
    }

    static void write(Path file, String text) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text);
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    record Result(int exit, String stdout, String stderr) {
        Result assertSucceeded() {
            if (exit != 0) {
                throw new AssertionError("exit " + exit + "\nstdout:\n" + stdout + "\nstderr:\n" + stderr);
            }
            return this;
        }
    }
}
