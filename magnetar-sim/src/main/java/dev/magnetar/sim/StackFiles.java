package dev.magnetar.sim;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Keeps each simulated stack in its own JSON file ({@code <stack id>.json}), written to a temporary
 * file and moved into place, so a server killed mid-write still finds every stack it made.
 */
final class StackFiles {

    private static final ObjectMapper JSON = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private final Path directory;

    StackFiles(Path directory) {
        this.directory = directory;
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the simulated cloud's state directory " + directory, e);
        }
    }

    /** Every stored stack, by name. */
    Map<String, StackState> load() {
        Map<String, StackState> stacks = new LinkedHashMap<>();
        try (Stream<Path> files = Files.list(directory)) {
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".json")).sorted().toList()) {
                StackState stack = JSON.readValue(file.toFile(), StackState.class);
                stacks.put(stack.name(), stack);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the simulated cloud's stacks from " + directory, e);
        }
        return stacks;
    }

    void save(StackState stack) {
        Path target = file(stack);
        try {
            Path temporary = Files.createTempFile(directory, stack.id(), ".tmp");
            JSON.writeValue(temporary.toFile(), stack);
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot save simulated stack " + stack.name() + " to " + target, e);
        }
    }

    void remove(StackState stack) {
        try {
            Files.deleteIfExists(file(stack));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot remove simulated stack " + stack.name(), e);
        }
    }

    private Path file(StackState stack) {
        return directory.resolve(stack.id() + ".json");
    }
}
