package dev.skiff.protocols;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class QuantitiesTest {

    @Test
    void sizesAndDurationsAsUsersWriteThem() {
        assertEquals(64L << 20, Quantities.parseBytes("64M"));
        assertEquals(64L << 20, Quantities.parseBytes("64MiB"));
        assertEquals(512L << 10, Quantities.parseBytes("512k"));
        assertEquals(1L << 30, Quantities.parseBytes("1G"));
        assertEquals(4096, Quantities.parseBytes("4096"));
        assertEquals(Duration.ofMillis(250), Quantities.parseDuration("250ms"));
        assertEquals(Duration.ofSeconds(5), Quantities.parseDuration("5s"));
        assertEquals(Duration.ofMinutes(2), Quantities.parseDuration("2m"));
        var e = assertThrows(IllegalArgumentException.class, () -> Quantities.parseBytes("64X"));
        assertEquals("'64X' is not a size; write e.g. 64M, 512K or 1G", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Quantities.parseDuration("5"));
        assertEquals("32 MiB", Quantities.formatBytes(32L << 20));
        assertEquals("500ms", Quantities.formatDuration(Duration.ofMillis(500)));
    }
}
