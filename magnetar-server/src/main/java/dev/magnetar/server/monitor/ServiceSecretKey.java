package dev.magnetar.server.monitor;

import dev.magnetar.core.monitor.SecretBox;
import dev.magnetar.server.config.Config;
import dev.magnetar.server.config.Option;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;

/**
 * The key that seals stored secrets: {@code [service] secret_key} (base64 of 32 bytes), or, when that
 * is empty, a key generated once into {@code <data_dir>/secret.key}, readable by its owner only. The
 * file suits one embedded process; replicas sharing a database must share one configured key.
 */
public final class ServiceSecretKey {

    private static final Logger LOG = LoggerFactory.getLogger(ServiceSecretKey.class);
    static final String FILE = "secret.key";

    private ServiceSecretKey() {
    }

    public static SecretBox load(Config config) {
        String configured = config.get(Option.SERVICE_SECRET_KEY).trim();
        if (!configured.isEmpty()) {
            return new SecretBox(decode(configured, "[service] secret_key"));
        }
        if (!config.get(Option.DATABASE_URL).isBlank()) {
            LOG.warn("[service] secret_key is empty: using {} in the data directory; every replica sharing this "
                    + "database must use the same key, so configure secret_key instead", FILE);
        }
        return new SecretBox(fromFile(Path.of(config.get(Option.DATA_DIR)).toAbsolutePath().resolve(FILE)));
    }

    static byte[] fromFile(Path file) {
        try {
            if (!Files.exists(file)) {
                create(file);
            }
            return decode(Files.readString(file, StandardCharsets.US_ASCII).trim(), file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or create the secret key " + file, e);
        }
    }

    private static void create(Path file) throws IOException {
        Files.createDirectories(file.getParent());
        String key = Base64.getEncoder().encodeToString(SecretBox.newKey()) + "\n";
        try {
            if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } else {
                Files.createFile(file);
            }
        } catch (FileAlreadyExistsException e) {
            return; // another process made it first; read theirs
        }
        Files.writeString(file, key, StandardCharsets.US_ASCII);
        LOG.info("Generated the service's secret key in {}", file);
    }

    private static byte[] decode(String base64, String where) {
        byte[] key;
        try {
            key = Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw new Config.ConfigException(where + " is not base64");
        }
        if (key.length != SecretBox.KEY_BYTES) {
            throw new Config.ConfigException(where + " must be " + SecretBox.KEY_BYTES + " bytes (base64 of "
                    + SecretBox.KEY_BYTES + " random bytes, e.g. `openssl rand -base64 32`), not " + key.length);
        }
        return key;
    }
}
