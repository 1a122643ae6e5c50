package dev.magnetar.driver.mesos;

import dev.magnetar.driver.kit.testing.DriverApiRule;
import org.junit.jupiter.api.Test;

class DriverApiTest {

    @Test
    void theMesosDriverUsesCoreOnlyThroughTheDriverApi() {
        DriverApiRule.checkThisModule();
    }
}
