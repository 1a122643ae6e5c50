package dev.magnetar.driver.kit.stack;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The files a driver ships in its jar under one classpath folder (templates, script fragments,
 * fixed node files), read as UTF-8 text. A missing file is a packaging fault, not a user error.
 */
public final class DriverResources {

    private final Class<?> anchor;
    private final String folder;

    /**
     * @param anchor a class of the driver, whose loader finds its files
     * @param folder the absolute classpath folder, e.g. {@code /dev/magnetar/driver/dcos/}
     */
    public DriverResources(Class<?> anchor, String folder) {
        this.anchor = anchor;
        this.folder = folder.endsWith("/") ? folder : folder + "/";
    }

    /** The file at {@code path} below the folder. */
    public String read(String path) {
        try (InputStream in = anchor.getResourceAsStream(folder + path)) {
            if (in == null) {
                throw new IllegalStateException("missing driver resource " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
