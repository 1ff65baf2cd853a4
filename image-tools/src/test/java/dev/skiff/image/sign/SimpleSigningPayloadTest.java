package dev.skiff.image.sign;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.skiff.image.oci.Digest;
import dev.skiff.image.oci.ImageFormatException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class SimpleSigningPayloadTest {
    static final Digest DIGEST = new Digest("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    static final String COSIGN_PAYLOAD = "{\"critical\":{\"identity\":{\"docker-reference\":\"127.0.0.1:5000/hello\"},"
            + "\"image\":{\"docker-manifest-digest\":\"sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855\"},"
            + "\"type\":\"cosign container image signature\"},\"optional\":null}";

    @Test
    void bytesAreExactlyCosigns() {
        byte[] bytes = new SimpleSigningPayload("127.0.0.1:5000/hello", DIGEST).bytes();
        assertEquals(COSIGN_PAYLOAD, new String(bytes, StandardCharsets.UTF_8));
    }

    @Test
    void parsesCosignsPayloadAndOptionalClaims() throws Exception {
        assertEquals(new SimpleSigningPayload("127.0.0.1:5000/hello", DIGEST), parse(COSIGN_PAYLOAD));
        String annotated = COSIGN_PAYLOAD.replace("\"optional\":null", "\"optional\":{\"commit\":\"abc\"}");
        assertEquals(DIGEST, parse(annotated).manifestDigest());
    }

    @Test
    void refusesWhatIsNotACosignSignaturePayload() {
        assertRefused(COSIGN_PAYLOAD.replace("cosign container image signature", "atomic container signature"),
                "has type \"atomic container signature\", not \"cosign container image signature\"");
        assertRefused(COSIGN_PAYLOAD.replace("\"type\"", "\"extra\":1,\"type\""), "critical: unknown field \"extra\"");
        assertRefused(COSIGN_PAYLOAD.replace("sha256:e3b0", "sha256:E3B0"), "invalid digest");
        assertRefused(COSIGN_PAYLOAD.replace("\"optional\":null", "\"optional\":7"), "\"optional\" must be an object or null");
        assertRefused("{\"optional\":null}", "\"critical\" must be an object");
        assertRefused("[]", "signature payload is not a JSON object");
    }

    private static SimpleSigningPayload parse(String json) throws ImageFormatException {
        return SimpleSigningPayload.parse(json.getBytes(StandardCharsets.UTF_8));
    }

    private static void assertRefused(String json, String message) {
        var e = assertThrows(ImageFormatException.class, () -> parse(json));
        assertTrue(e.getMessage().contains(message), e.getMessage());
    }
}
