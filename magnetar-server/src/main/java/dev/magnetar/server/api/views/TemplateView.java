package dev.magnetar.server.api.views;

import dev.magnetar.server.api.Json;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.magnetar.core.driver.ClusterDriver;
import dev.magnetar.core.model.ClusterTemplate;

import java.util.List;

/**
 * A cluster template or baymodel on the wire: the template's own fields under Magnum's names
 * ({@link WireNames}), its links, its driver ({@code driver_info} only when there is one) and Magnum's
 * timestamps. Templates are always returned in full.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
record TemplateView(
        @JsonUnwrapped ClusterTemplate template,
        List<Link> links,
        String driver,
        @JsonInclude(JsonInclude.Include.NON_NULL) DriverInfo driverInfo,
        String createdAt,
        String updatedAt) {

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record DriverInfo(String name, String version, boolean legacy, String description) {
    }

    static ObjectNode of(ClusterTemplate t, TemplateKind kind, String baseUrl, ClusterDriver driver) {
        DriverInfo info = driver == null ? null : new DriverInfo(driver.descriptor().name(),
                driver.descriptor().version(), driver.descriptor().legacy(), driver.descriptor().description());
        return Json.MAPPER.valueToTree(new TemplateView(t, Link.of(baseUrl, kind.collection(), t.uuid()),
                info == null ? null : info.name(), info, Json.timestamp(t.createdAt()), Json.timestamp(t.updatedAt())));
    }
}
