package dev.magnetar.store;

import org.h2.store.fs.FilePath;
import org.h2.store.fs.FilePathWrapper;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * H2's file system seen through a filter that creates every file owner-only (0600) and every
 * directory 0700, whatever the process's umask: the embedded database holds sealed keys, tokens and
 * secret label values, and H2 itself creates its files (the {@code .mv.db} store, the
 * {@code .trace.db} error log, temporary files) with the umask's default, usually world-readable.
 * Java cannot set a process umask, so this is its equivalent for the files H2 creates.
 *
 * <p>It is an H2 {@link FilePathWrapper} registered under the scheme {@value #SCHEME}: a database URL
 * {@code jdbc:h2:owner-only:/var/lib/magnetar/magnetar} names the same files as
 * {@code jdbc:h2:file:/var/lib/magnetar/magnetar}, so existing databases open unchanged. Files are
 * created with their mode up front (not changed afterwards), so there is no moment when they are
 * readable by others.
 */
public final class OwnerOnlyFiles extends FilePathWrapper {

    /** The URL scheme, after {@code jdbc:h2:}. */
    public static final String SCHEME = "owner-only";

    static final Set<PosixFilePermission> FILE_MODE = PosixFilePermissions.fromString("rw-------");
    static final Set<PosixFilePermission> DIRECTORY_MODE = PosixFilePermissions.fromString("rwx------");

    static {
        FilePath.register(new OwnerOnlyFiles());
    }

    /**
     * The URL of an embedded H2 database whose files are created owner-only.
     *
     * @param base    the database's path without H2's suffixes, e.g. {@code /var/lib/magnetar/magnetar}
     * @param options H2 settings appended to the URL, each starting with {@code ;}, or empty
     */
    public static String h2Url(Path base, String options) {
        register();
        return "jdbc:h2:" + SCHEME + ":" + base.toAbsolutePath() + options;
    }

    /** Makes the scheme known to H2 (idempotent); {@link Store} calls it before it connects. */
    static void register() {
        // The static initialiser registers; this method exists so that callers can force it to run.
    }

    @Override
    public String getScheme() {
        return SCHEME;
    }

    @Override
    public FileChannel open(String mode) throws IOException {
        if (mode.contains("w")) {
            createOwnerOnly();
        }
        return super.open(mode);
    }

    @Override
    public OutputStream newOutputStream(boolean append) throws IOException {
        createOwnerOnly();
        return super.newOutputStream(append);
    }

    @Override
    public boolean createFile() {
        try {
            return createOwnerOnly();
        } catch (IOException e) {
            return false;
        }
    }

    @Override
    public void createDirectory() {
        Path dir = nioPath();
        if (Files.isDirectory(dir)) {
            return;
        }
        try {
            Files.createDirectory(dir, attributes(dir, DIRECTORY_MODE));
        } catch (FileAlreadyExistsException e) {
            // made meanwhile: fine
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create directory " + dir, e);
        }
    }

    /** Creates the file with mode 0600 when it does not exist; true when it was created here. */
    private boolean createOwnerOnly() throws IOException {
        Path file = nioPath();
        if (Files.exists(file)) {
            return false;
        }
        Path parent = file.getParent();
        if (parent != null && !Files.isDirectory(parent)) {
            Files.createDirectories(parent, attributes(parent, DIRECTORY_MODE));
        }
        try {
            Files.createFile(file, attributes(file, FILE_MODE));
            return true;
        } catch (FileAlreadyExistsException e) {
            return false;
        }
    }

    private Path nioPath() {
        String name = getBase().toString();
        return Path.of(name.startsWith("file:") ? name.substring("file:".length()) : name);
    }

    private static FileAttribute<?>[] attributes(Path path, Set<PosixFilePermission> mode) {
        boolean posix = path.getFileSystem().supportedFileAttributeViews().contains("posix");
        return posix ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(mode)} : new FileAttribute<?>[0];
    }
}
