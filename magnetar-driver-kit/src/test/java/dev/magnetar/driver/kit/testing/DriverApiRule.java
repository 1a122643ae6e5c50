package dev.magnetar.driver.kit.testing;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;

import java.nio.file.Path;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.core.domain.properties.HasName.Predicates.nameMatching;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

/**
 * The driver API, enforced in the build: a driver module's classes use of magnetar-core only the
 * driver SPI ({@code core.driver}), the domain records ({@code core.model}), the errors
 * ({@code core.error}) and the stack types of {@code core.port} that the SPI speaks in. The
 * services ({@code ClusterService} and its kin), the conductor, the monitor loop, the status table,
 * the repositories and the orchestrator are out of reach: a driver renders stacks and reads what
 * they made; the core acts on them. Each driver module runs {@link #check} on its own classes in a
 * test, so a driver that calls past the API fails its build.
 */
public final class DriverApiRule {

    private static final DescribedPredicate<JavaClass> DRIVER_API =
            resideOutsideOfPackage("dev.magnetar..")
                    .or(resideInAnyPackage("dev.magnetar.driver..", "dev.magnetar.mesos.agent.."))
                    .or(resideInAnyPackage("dev.magnetar.core.driver..", "dev.magnetar.core.model..",
                            "dev.magnetar.core.error.."))
                    .or(nameMatching("dev\\.magnetar\\.core\\.port\\.Stack\\w*(\\$.*)?"))
                    .as("belong to the driver API (core.driver, core.model, core.error, core.port.Stack*), to the drivers' own "
                            + "libraries, or to no part of Magnetar");

    /** A driver's classes depend on nothing of Magnetar but the driver API and the drivers' own libraries. */
    public static final ArchRule RULE = classes().that().resideInAPackage("dev.magnetar.driver..")
            .should().onlyDependOnClassesThat(DRIVER_API)
            .because("a driver calls neither ClusterService nor the conductor: it is called by them");

    private DriverApiRule() {
    }

    /**
     * Checks the main (not test) classes of the module under test, as compiled into its
     * {@code target/classes} (the directory Maven runs a module's tests in).
     */
    public static void checkThisModule() {
        RULE.check(mainClasses());
    }

    static JavaClasses mainClasses() {
        return new ClassFileImporter().importPath(Path.of("target", "classes"));
    }
}
