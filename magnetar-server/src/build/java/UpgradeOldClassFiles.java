import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Opcodes;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * Build step of the packaged jar (run by magnetar-server's pom after shading): rewrites every class
 * file older than Java 6 (major version below 50) as a Java 8 class file (52) with the stack map
 * frames the type-checking verifier needs, computed by ASM. Nothing else changes: same
 * instructions, same constant values, same entries in the same order.
 *
 * <p>Why: picocli is compiled for Java 5. The JDK's AOT cache (JEP 483), which the launcher builds
 * for client commands, stores only classes it can link ahead of time, and it cannot link Java 5
 * classes, so picocli's classes were loaded, parsed and verified by the old inference verifier on
 * every command: about a third of a {@code cluster-list}'s start-up (BENCHMARKS.md, "CLI start
 * time"). As Java 8 class files they enter the cache like every other class.
 *
 * <p>Usage: {@code java -cp asm.jar UpgradeOldClassFiles.java path/to/app.jar} (rewritten in place).
 */
public final class UpgradeOldClassFiles {

    private static final int JAVA_6 = 50;
    private static final int JAVA_8 = 52;

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            throw new IllegalArgumentException("usage: UpgradeOldClassFiles <jar>");
        }
        Path jar = Path.of(args[0]);
        Path rewritten = jar.resolveSibling(jar.getFileName() + ".upgrading");
        int upgraded = 0;
        try (URLClassLoader types = new URLClassLoader(new URL[] {jar.toUri().toURL()},
                ClassLoader.getPlatformClassLoader());
             ZipInputStream in = new ZipInputStream(Files.newInputStream(jar));
             ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(rewritten))) {
            for (ZipEntry entry; (entry = in.getNextEntry()) != null; ) {
                byte[] bytes = in.readAllBytes();
                if (entry.getName().endsWith(".class") && majorVersion(bytes) < JAVA_6) {
                    bytes = upgrade(bytes, types);
                    upgraded++;
                }
                ZipEntry copy = new ZipEntry(entry.getName());
                copy.setTime(entry.getTime());
                out.putNextEntry(copy);
                out.write(bytes);
                out.closeEntry();
            }
        }
        Files.move(rewritten, jar, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        System.out.println("UpgradeOldClassFiles: " + upgraded + " class files of " + jar.getFileName()
                + " rewritten as Java 8 class files with stack map frames");
    }

    private static int majorVersion(byte[] classFile) {
        return classFile.length < 8 ? Integer.MAX_VALUE : ((classFile[6] & 0xff) << 8) | (classFile[7] & 0xff);
    }

    private static byte[] upgrade(byte[] classFile, ClassLoader types) {
        ClassReader reader = new ClassReader(classFile);
        ClassWriter writer = new FramesWriter(types);
        reader.accept(new ClassVisitor(Opcodes.ASM9, writer) {
            @Override
            public void visit(int version, int access, String name, String signature, String superName,
                              String[] interfaces) {
                super.visit(JAVA_8, access, name, signature, superName, interfaces);
            }
        }, ClassReader.SKIP_FRAMES);
        return writer.toByteArray();
    }

    /** Frames need the common super class of two types; they are looked up in the jar itself. */
    private static final class FramesWriter extends ClassWriter {
        private final ClassLoader types;

        FramesWriter(ClassLoader types) {
            super(COMPUTE_FRAMES);
            this.types = types;
        }

        @Override
        protected ClassLoader getClassLoader() {
            return types;
        }
    }

    private UpgradeOldClassFiles() {
    }
}
