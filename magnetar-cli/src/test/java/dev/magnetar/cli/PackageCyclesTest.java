package dev.magnetar.cli;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The client's packages depend on each other one way: the root wires the commands, the commands use
 * the leaf packages (http, input, output, preview, wait, error), and nothing leads back.
 */
class PackageCyclesTest {

    @Test
    void the_clients_packages_are_free_of_cycles() {
        JavaClasses client = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.magnetar.cli");

        slices().assignedFrom(EACH_PACKAGE).should().beFreeOfCycles().check(client);
    }

    /** Every package its own slice, the root package included. */
    private static final SliceAssignment EACH_PACKAGE = new SliceAssignment() {
        @Override
        public SliceIdentifier getIdentifierOf(JavaClass javaClass) {
            return SliceIdentifier.of(javaClass.getPackageName());
        }

        @Override
        public String getDescription() {
            return "each package of dev.magnetar.cli";
        }
    };
}
