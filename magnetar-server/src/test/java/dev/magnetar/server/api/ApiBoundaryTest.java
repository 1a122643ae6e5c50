package dev.magnetar.server.api;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

class ApiBoundaryTest {

    private static final JavaClasses SERVER = new ClassFileImporter().importPath(Path.of("target", "classes"));

    @Test
    void theApiChecksTokensThroughCoresPortNeverThroughKeystoneItself() {
        noClasses().that().resideInAPackage("dev.magnetar.server.api..")
                .should().dependOnClassesThat().resideInAPackage("dev.magnetar.openstack..")
                .because("the token check is the core port TokenValidator, which Keystone implements")
                .check(SERVER);
    }
}
