package dev.skiff.agent.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RouteTest {
    private final Route stop = new Route("POST", "/v1/apps/{app}/stop", true, e -> {});

    @Test
    void matchesTemplatesSegmentBySegment() {
        assertEquals(Optional.of(Map.of("app", "sensor")), stop.match("/v1/apps/sensor/stop"));
        assertEquals(Optional.of(Map.of("app", "sensor")), stop.match("/v1/apps/sensor/stop/"));
        assertTrue(stop.match("/v1/apps/sensor").isEmpty());
        assertTrue(stop.match("/v1/apps/sensor/start").isEmpty());
        assertTrue(stop.match("/v1/apps/a/b/stop").isEmpty());
    }
}
