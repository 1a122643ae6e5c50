package dev.magnetar.driver.dcos;

import dev.magnetar.driver.kit.testing.DriverApiRule;
import org.junit.jupiter.api.Test;

class DriverApiTest {

    @Test
    void theDcosDriverUsesCoreOnlyThroughTheDriverApi() {
        DriverApiRule.checkThisModule();
    }
}
