package dev.magnetar.server.wiring;

import dev.magnetar.server.config.Config;
import dev.magnetar.server.config.Option;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The data directory ({@code [service] data_dir}): the embedded database, the generated secret key and
 * the simulated cloud's stacks, which hold sealed keys, tokens and secret label values. It is created
 * 0700, and what Magnetar creates in it 0600 (directories 0700).
 *
 * <p>At start the directory's own mode is checked. Like PostgreSQL with its data directory, Magnetar
 * refuses to start when others than the owner may enter it or when its group may write to it, naming
 * the command that fixes it; group read (0750) is allowed for backup accounts. Files inside that are
 * readable by others than the owner are named in a warning: the directory already shuts others out,
 * but they should be tightened too.
 */
public final class DataDirectory {

    private static final Logger LOG = LoggerFactory.getLogger(DataDirectory.class);

    static final Set<PosixFilePermission> DIRECTORY_MODE = PosixFilePermissions.fromString("rwx------");
    static final Set<PosixFilePermission> FILE_MODE = PosixFilePermissions.fromString("rw-------");
    /** At most this many loose files are named in the warning. */
    private static final int NAMED_AT_MOST = 10;
    /** Directories checked in this process: the database, the key and the simulator each ask, one warning does. */
    private static final Set<Path> CHECKED = java.util.concurrent.ConcurrentHashMap.newKeySet();

    private DataDirectory() {
    }

    /** The configured data directory, created 0700 if absent and checked; see the class comment. */
    public static Path prepare(Config config) {
        return prepare(Path.of(config.get(Option.DATA_DIR)).toAbsolutePath());
    }

    /**
     * @throws Config.ConfigException when the directory is open to others or writable by its group
     */
    public static Path prepare(Path dir) {
        try {
            if (!Files.isDirectory(dir)) {
                Files.createDirectories(dir, attributes(dir, DIRECTORY_MODE));
                LOG.info("Created the data directory {} (mode 0700)", dir);
            }
            if (posix(dir) && !CHECKED.contains(dir)) {
                checkDirectory(dir);
                warnAboutLooseFiles(dir);
                CHECKED.add(dir);
            }
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create or read the data directory " + dir, e);
        }
    }

    /** A directory inside the data directory, created 0700 if absent. */
    public static Path subdirectory(Path dir, String name) {
        Path sub = dir.resolve(name);
        try {
            if (!Files.isDirectory(sub)) {
                Files.createDirectory(sub, attributes(sub, DIRECTORY_MODE));
            }
        } catch (FileAlreadyExistsException e) {
            // made meanwhile
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create " + sub, e);
        }
        return sub;
    }

    /** A new empty file readable and writable by its owner only. */
    public static Path createPrivateTempFile(Path dir, String prefix, String suffix) throws IOException {
        return Files.createTempFile(dir, prefix, suffix, attributes(dir, FILE_MODE));
    }

    /** Forces a directory's entries (a new or renamed name) to disk, where the platform allows it. */
    public static void forceDirectory(Path dir) {
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // Some platforms cannot open or sync a directory; the file itself was forced already.
        }
    }

    private static void checkDirectory(Path dir) throws IOException {
        Set<PosixFilePermission> mode = Files.getPosixFilePermissions(dir);
        boolean open = mode.contains(PosixFilePermission.OTHERS_READ)
                || mode.contains(PosixFilePermission.OTHERS_WRITE)
                || mode.contains(PosixFilePermission.OTHERS_EXECUTE)
                || mode.contains(PosixFilePermission.GROUP_WRITE);
        if (open) {
            throw new Config.ConfigException("The data directory " + dir + " has mode " + octal(mode) + " ("
                    + PosixFilePermissions.toString(mode) + "), but it holds the database with sealed keys, tokens "
                    + "and secret labels, so only its owner may enter it. Run `chmod -R go= " + dir
                    + "` (or `chmod 0750` on the directory if a backup group must read it) and start again.");
        }
    }

    private static void warnAboutLooseFiles(Path dir) throws IOException {
        List<String> loose = new ArrayList<>();
        int count = 0;
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : (Iterable<Path>) paths.skip(1)::iterator) {
                if (Files.isSymbolicLink(path)) {
                    continue;
                }
                Set<PosixFilePermission> mode = Files.getPosixFilePermissions(path);
                if (mode.stream().anyMatch(p -> p.name().startsWith("GROUP_") || p.name().startsWith("OTHERS_"))) {
                    count++;
                    if (loose.size() < NAMED_AT_MOST) {
                        loose.add(dir.relativize(path) + " (" + octal(mode) + ")");
                    }
                }
            }
        }
        if (count > 0) {
            LOG.warn("{} file(s) in the data directory {} are open to others than their owner: {}{}. The directory "
                    + "shuts others out, but tighten them: `chmod -R go= {}`", count, dir, String.join(", ", loose),
                    count > loose.size() ? ", ..." : "", dir);
        }
    }

    static String octal(Set<PosixFilePermission> mode) {
        int bits = 0;
        for (PosixFilePermission p : mode) {
            bits |= 1 << (8 - p.ordinal());
        }
        return String.format("%04o", bits);
    }

    private static boolean posix(Path path) {
        return path.getFileSystem().supportedFileAttributeViews().contains("posix");
    }

    private static FileAttribute<?>[] attributes(Path path, Set<PosixFilePermission> mode) {
        return posix(path) ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(mode)}
                : new FileAttribute<?>[0];
    }
}
