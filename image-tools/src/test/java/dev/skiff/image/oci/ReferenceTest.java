package dev.skiff.image.oci;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ReferenceTest {
    @Test
    void dockerStyleNormalization() {
        assertEquals("docker.io/library/hello:latest", Reference.parse("hello").toString());
        assertEquals("hello:1.0", Reference.parse("hello:1.0").familiar());
        Reference local = Reference.parse("127.0.0.1:5000/team/app:v2");
        assertEquals("127.0.0.1:5000", local.registry());
        assertEquals("team/app", local.repository());
        assertEquals("v2", local.tag());
        assertTrue(local.isLoopback());
        assertFalse(Reference.parse("ghcr.io/x/y:1").isLoopback());
        Reference byDigest = Reference.parse("localhost/app@sha256:" + "a".repeat(64));
        assertEquals("sha256:" + "a".repeat(64), byDigest.manifestKey());
    }

    @Test
    void badReferencesSayWhatIsWrong() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Reference.parse("Hello")).getMessage().contains("repository name"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Reference.parse("app@sha256:12")).getMessage().contains("invalid digest"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Reference.parse("app:-x")).getMessage().contains("invalid tag"));
    }
}
