package dev.skiff.protocols.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class ApiJsonTest {
    private static byte[] json(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void roundTripsBodies() {
        ReleaseInfo release = new ReleaseInfo(3, "sensor", "sha256:" + "a".repeat(64), "ACTIVE", null, "2025-01-31T12:00:00Z", null);
        assertEquals(release, ApiJson.read(ApiJson.write(release), ReleaseInfo.class));
        assertEquals(List.of(release), ApiJson.readList(ApiJson.write(List.of(release)), ReleaseInfo.class));
        assertEquals("{\"error\":\"no\"}", new String(ApiJson.write(new ApiError("no")), StandardCharsets.UTF_8));
    }

    @Test
    void refusesUnknownFieldsAndBrokenJsonNamingTheBody() {
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
                () -> ApiJson.read(json("{\"image\":\"hello@sha256:x\",\"imgae\":1}"), DeployRequest.class));
        assertTrue(unknown.getMessage().contains("DeployRequest") && unknown.getMessage().contains("imgae"), unknown.getMessage());
        assertThrows(IllegalArgumentException.class, () -> ApiJson.read(json("{\"image\":"), DeployRequest.class));
    }
}
