package dev.magnetar.driver.kit.testing;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import dev.magnetar.core.conductor.Reconciler;
import dev.magnetar.core.context.RequestContext;
import dev.magnetar.core.model.Cluster;
import dev.magnetar.core.service.ClusterService;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DriverApiRuleTest {

    /** What the rule is for: driver code that reaches past the driver API into the service and the conductor. */
    static final class OverreachingDriver {

        private final Reconciler reconciler;

        OverreachingDriver(Reconciler reconciler) {
            this.reconciler = reconciler;
        }

        Cluster lookUp(ClusterService clusters, RequestContext caller, String uuid) {
            return clusters.get(caller, uuid);
        }

        Reconciler reconciler() {
            return reconciler;
        }
    }

    @Test
    void aDriverThatCallsClusterServiceOrTheConductorFailsTheRule() {
        assertThatThrownBy(() -> DriverApiRule.RULE.check(new ClassFileImporter().importClasses(OverreachingDriver.class)))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("calls method <dev.magnetar.core.service.ClusterService.get(")
                .hasMessageContaining("dev.magnetar.core.conductor.Reconciler")
                .hasMessageContaining("dev.magnetar.core.context.RequestContext");
    }

    @Test
    void theKitUsesCoreOnlyThroughTheDriverApi() {
        assertThat(DriverApiRule.mainClasses()).isNotEmpty()
                .allMatch(c -> c.getPackageName().startsWith("dev.magnetar.driver.kit."))
                .noneMatch(c -> c.getPackageName().endsWith(".testing"));
        DriverApiRule.checkThisModule();
    }
}
