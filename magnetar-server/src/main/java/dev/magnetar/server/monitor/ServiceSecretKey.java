package dev.magnetar.server.monitor;

import dev.magnetar.core.monitor.SecretBox;
import dev.magnetar.server.config.Config;
import dev.magnetar.server.config.Option;
import dev.magnetar.server.wiring.DataDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Base64;

/**
 * The key that seals stored secrets: {@code [service] secret_key} (base64 of 32 bytes), or, when that
 * is empty, a key generated once into {@code <data_dir>/secret.key}, readable by its owner only. The
 * file suits one embedded process; replicas sharing a database must share one configured key.
 *
 * <p>The file is written so that a crash leaves either no key file or a whole one: the key goes to a
 * temporary file in the same directory, is forced to disk, and is then linked into place under its
 * name in one step (a link, unlike a rename, never replaces a key another process put there first).
 * A key file that exists but does not hold a whole key is refused, never replaced: a new key would
 * leave every secret sealed with the old one unopenable.
 */
public final class ServiceSecretKey {

    private static final Logger LOG = LoggerFactory.getLogger(ServiceSecretKey.class);
    static final String FILE = "secret.key";
    /** Prefix of the temporary files a key is written to before it takes its name. */
    static final String TEMPORARY_PREFIX = "." + FILE + "-";

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
        return new SecretBox(fromFile(DataDirectory.prepare(config).resolve(FILE)));
    }

    static byte[] fromFile(Path file) {
        try {
            if (!Files.exists(file)) {
                create(file);
            }
            byte[] content = Files.readAllBytes(file);
            return decodeFile(file, new String(content, StandardCharsets.US_ASCII).trim(), content.length);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or create the secret key " + file, e);
        }
    }

    /** Writes a new key to a temporary file, forces it to disk, and links it in under {@code file}'s name. */
    private static void create(Path file) throws IOException {
        Path dir = file.getParent();
        removeLeftovers(dir);
        String key = Base64.getEncoder().encodeToString(SecretBox.newKey()) + "\n";
        Path temporary = DataDirectory.createPrivateTempFile(dir, TEMPORARY_PREFIX, ".tmp");
        try {
            try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
                ByteBuffer bytes = ByteBuffer.wrap(key.getBytes(StandardCharsets.US_ASCII));
                while (bytes.hasRemaining()) {
                    channel.write(bytes);
                }
                channel.force(true);
            }
            try {
                Files.createLink(file, temporary);
            } catch (FileAlreadyExistsException e) {
                return; // another process made it first; read theirs
            } catch (UnsupportedOperationException | FileSystemException e) {
                if (Files.exists(file)) {
                    return;
                }
                // A file system without hard links: an atomic rename is the next best thing.
                Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE);
            }
            DataDirectory.forceDirectory(dir);
        } finally {
            Files.deleteIfExists(temporary);
        }
        LOG.info("Generated the service's secret key in {}", file);
    }

    /** Temporary key files a crash left behind: they were never the key, and hold key material. */
    private static void removeLeftovers(Path dir) throws IOException {
        try (DirectoryStream<Path> leftovers = Files.newDirectoryStream(dir, TEMPORARY_PREFIX + "*.tmp")) {
            for (Path leftover : leftovers) {
                Files.deleteIfExists(leftover);
            }
        }
    }

    private static byte[] decodeFile(Path file, String base64, int size) {
        String remedy = " Magnetar does not replace it, because secrets sealed with the key it held (monitoring "
                + "accounts' private keys and kept DC/OS tokens) would no longer open. Restore " + file
                + " from a backup, or set [service] secret_key to the key. Only if this data directory never held "
                + "a working key (a first start that was interrupted) is it safe to delete the file and start again.";
        if (base64.isEmpty()) {
            throw new Config.ConfigException("The secret key file " + file + " is empty (" + size
                    + " bytes): it was probably interrupted while it was first written." + remedy);
        }
        byte[] key;
        try {
            key = Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw new Config.ConfigException("The secret key file " + file + " does not hold base64 text." + remedy);
        }
        if (key.length != SecretBox.KEY_BYTES) {
            throw new Config.ConfigException("The secret key file " + file + " holds " + key.length + " bytes, not "
                    + SecretBox.KEY_BYTES + "." + remedy);
        }
        return key;
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
