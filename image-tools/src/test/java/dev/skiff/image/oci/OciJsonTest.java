package dev.skiff.image.oci;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OciJsonTest {
    private static String error(String json) {
        return assertThrows(ImageFormatException.class,
                () -> OciJson.parseManifest(json.getBytes(StandardCharsets.UTF_8), "manifest")).getMessage();
    }

    @Test
    void writesCanonicallyAndReadsBack() throws Exception {
        Descriptor config = Descriptor.of(MediaTypes.OCI_CONFIG, "{}".getBytes());
        ImageManifest m = new ImageManifest(MediaTypes.OCI_MANIFEST, null, config, List.of(config), Map.of("b", "2", "a", "1"));
        byte[] json = OciJson.write(m);
        assertTrue(new String(json).endsWith("\"annotations\":{\"a\":\"1\",\"b\":\"2\"}}"));
        assertEquals(m, OciJson.parseManifest(json, "m"));
    }

    @Test
    void refusalsNameTheProblem() {
        assertTrue(error("{\"schemaVersion\":2,").startsWith("malformed JSON in manifest at line 1"));
        assertTrue(error("{\"schemaVersion\":1}").contains("schemaVersion must be 2"));
        assertTrue(error("{\"schemaVersion\":2,\"schemaVersion\":2}").contains("Duplicate field"));
        assertTrue(error("{\"schemaVersion\":2,\"config\":{\"mediaType\":\"x\",\"digest\":\"sha256:abc\",\"size\":1},\"layers\":[]}")
                .contains("invalid digest \"sha256:abc\""));
        assertTrue(error("{\"schemaVersion\":2,\"config\":{\"mediaType\":\"x\",\"digest\":\"sha256:" + "0".repeat(64)
                + "\",\"size\":-1},\"layers\":[]}").contains("non-negative"));
        String huge = "{\"schemaVersion\":2,\"annotations\":{\"x\":\"" + "y".repeat(OciJson.MAX_MANIFEST_BYTES) + "\"}}";
        assertTrue(error(huge).contains("over the 4 MiB limit"));
    }
}
