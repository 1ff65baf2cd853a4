package dev.skiff.protocols.fleet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.skiff.protocols.api.ApiJson;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class FleetProtocolTest {
    private static final String V1 = "sha256:" + "1".repeat(64);
    private static final String V2 = "sha256:" + "2".repeat(64);
    private static final DesiredApp WANT_V2 = new DesiredApp("r.example/apps/x@" + V2);

    private static ReportedState reported(long generation, ReportedApp... apps) {
        return new ReportedState("pi-1", Map.of("site", "lab"), generation, List.of(apps), "0.1.0");
    }

    private static ReportedApp app(String digest, ReportedApp.Outcome outcome) {
        return new ReportedApp("x", digest, "1.0.0", "running", outcome, null);
    }

    @Test
    void topicsNameTheDeviceAndRefuseIdsThatAreNotOneLevel() {
        assertEquals("skiff/v1/devices/pi-1/desired", FleetTopics.desired("pi-1"));
        assertEquals(Optional.of("pi-1"), FleetTopics.deviceOf(FleetTopics.reported("pi-1")));
        assertEquals(Optional.empty(), FleetTopics.deviceOf("skiff/v1/devices/pi-1/other"));
        for (String bad : new String[] {"a/b", "+", "#", "", "-x"}) {
            assertThrows(IllegalArgumentException.class, () -> FleetTopics.desired(bad), bad);
        }
    }

    @Test
    void convergenceFollowsGenerationAndDigest() {
        assertEquals(Convergence.PENDING, Convergence.of(null, "x", 3, WANT_V2));
        assertEquals(Convergence.PENDING, Convergence.of(reported(2, app(V2, ReportedApp.Outcome.CONVERGED)), "x", 3, WANT_V2));
        assertEquals(Convergence.CONVERGED, Convergence.of(reported(3, app(V2, ReportedApp.Outcome.CONVERGED)), "x", 3, WANT_V2));
        assertEquals(Convergence.FAILED, Convergence.of(reported(3, app(V1, ReportedApp.Outcome.FAILED)), "x", 3, WANT_V2));
        assertEquals(Convergence.FAILED, Convergence.of(reported(4), "x", 3, WANT_V2));
        assertEquals(Convergence.CONVERGED, Convergence.of(reported(4), "x", 3, DesiredApp.ABSENT));
        assertThrows(IllegalArgumentException.class, () -> Convergence.digestOf("r.example/apps/x:1"));
    }

    @Test
    void payloadsRoundTripAsJsonAndRefuseUnknownFields() {
        DesiredState desired = new DesiredState(1, Map.of()).with("x", WANT_V2).with("y", DesiredApp.ABSENT);
        assertEquals(3, desired.generation());
        assertEquals(desired, ApiJson.read(ApiJson.write(desired), DesiredState.class));
        ReportedState state = reported(3, app(V2, ReportedApp.Outcome.CONVERGED));
        assertEquals(state, ApiJson.read(ApiJson.write(state), ReportedState.class));
        assertEquals(Availability.OFFLINE, ApiJson.read("{\"online\":false}".getBytes(StandardCharsets.UTF_8), Availability.class));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ApiJson.read("{\"generation\":1,\"apps\":{},\"extra\":1}".getBytes(StandardCharsets.UTF_8), DesiredState.class));
        assertTrue(e.getMessage().contains("DesiredState"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> ApiJson.read("{\"generation\":0,\"apps\":{}}".getBytes(StandardCharsets.UTF_8),
                DesiredState.class));
    }
}
