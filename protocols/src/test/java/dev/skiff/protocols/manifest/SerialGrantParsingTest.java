package dev.skiff.protocols.manifest;

import static dev.skiff.protocols.manifest.CapabilitiesYaml.parse;
import static dev.skiff.protocols.manifest.CapabilitiesYaml.problems;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.skiff.protocols.manifest.SerialGrant.Parity;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The {@code capabilities: serial:} section of skiff.yaml, and its canonical JSON. */
class SerialGrantParsingTest {
    @Test
    void portsWithDefaults() throws Exception {
        AppManifest m = parse("""
                  serial:
                    GPS: {device: /dev/ttyAMA0, baud: 115200, parity: even}
                    MODEM: {device: /dev/ttyUSB0}
                """);
        assertEquals(Map.of(
                "GPS", new SerialGrant("/dev/ttyAMA0", 115200, Parity.EVEN),
                "MODEM", new SerialGrant("/dev/ttyUSB0", SerialGrant.DEFAULT_BAUD, Parity.NONE)),
                m.capabilities().serial());
    }

    @Test
    void badValuesAndUnknownKeysAreReportedWithLineAndColumn() {
        assertEquals(List.of(
                "5:37: 'fast' is not a whole number of at least 1",
                "5:43: unknown key 'stop-bits'; allowed here: baud, device, parity",
                "6:12: missing required key 'device'",
                "7:17: 'ttyS0' is not an absolute device path such as /dev/ttyAMA0",
                "8:37: parity 'mark' is not one of none, even, odd"),
                problems("""
                          serial:
                            GPS: {device: /dev/ttyS1, baud: fast, stop-bits: 2}
                            MODEM: {baud: 9600}
                            X: {device: ttyS0}
                            Y: {device: /dev/ttyS2, parity: mark}
                        """));
    }

    @Test
    void oneDeviceUnderTwoNamesIsAnError() {
        assertEquals(List.of("6:11: device /dev/ttyS0 is already granted as GPS; a port can have only one name"),
                problems("""
                          serial:
                            GPS: {device: /dev/ttyS0}
                            GNSS: {device: /dev/ttyS0}
                        """));
    }

    @Test
    void canonicalJsonWritesDefaultsAndReadsBack() throws Exception {
        AppManifest m = parse("""
                  serial:
                    GPS: {device: /dev/ttyAMA0}
                """);
        String json = ManifestJson.write(m);
        assertTrue(json.contains("\"capabilities\":{\"serial\":{\"GPS\":{\"device\":\"/dev/ttyAMA0\",\"baud\":9600,\"parity\":\"none\"}}}"), json);
        assertEquals(m, ManifestParser.parse(json, "annotation"));
    }

    @Test
    void rebindingMovesAPortToAnotherDevice() throws Exception {
        CapabilityGrants grants = parse("  serial:\n    GPS: {device: /dev/ttyAMA0, baud: 4800}\n").capabilities();
        assertEquals(new SerialGrant("/dev/pts/7", 4800, Parity.NONE),
                grants.withSerialDevices(Map.of("GPS", "/dev/pts/7")).serial().get("GPS"));
        var e = assertThrows(IllegalArgumentException.class, () -> grants.withSerialDevices(Map.of("GNSS", "/dev/pts/7")));
        assertEquals("serial port GNSS is not granted; the app's skiff.yaml grants GPS", e.getMessage());
    }
}
