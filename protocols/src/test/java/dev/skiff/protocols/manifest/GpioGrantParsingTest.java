package dev.skiff.protocols.manifest;

import static dev.skiff.protocols.manifest.CapabilitiesYaml.parse;
import static dev.skiff.protocols.manifest.CapabilitiesYaml.problems;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.skiff.protocols.manifest.GpioGrant.Level;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The {@code capabilities: gpio:} section of skiff.yaml. */
class GpioGrantParsingTest {
    @Test
    void outputAndInputGrantsWithDefaults() throws Exception {
        AppManifest m = parse("""
                  gpio:
                    LED:    {line: 17, chip: gpiochip1, mode: output, initial: high, shutdown: low, max-writes-per-second: 100}
                    BUTTON: {line: 27, mode: input, max-events-per-second: 50}
                    BUZZER: {line: 22, mode: output}
                """);
        assertEquals(Map.of(
                "LED", new GpioGrant.Output("gpiochip1", 17, Level.HIGH, Level.LOW, 100),
                "BUTTON", new GpioGrant.Input("gpiochip0", 27, 50),
                "BUZZER", new GpioGrant.Output("gpiochip0", 22, Level.LOW, Level.LOW, GpioGrant.UNLIMITED)),
                m.capabilities().gpio());
    }

    @Test
    void headerLinesMayBeNamedByHeaderNameOrPhysicalPin() throws Exception {
        AppManifest m = parse("""
                  gpio:
                    LED:    {line: GPIO17, mode: output}
                    BUTTON: {line: PIN13, mode: input}
                """);
        assertEquals(17, m.capabilities().gpio().get("LED").line());
        assertEquals(27, m.capabilities().gpio().get("BUTTON").line(), "physical pin 13 is GPIO27");
        assertEquals(List.of(
                "5:15: 'GPIO40' is not a header line: GPIO0 to GPIO27",
                "6:15: 'PIN6' is not a GPIO pin of the 40-pin header (pins 1-40; power and ground pins have no line)",
                "7:15: 'LED' is not a line: give a number (17), a header name (GPIO17) or a physical pin (PIN11)",
                "8:15: 'GPIO4' is not a whole number of at least 0"),
                problems("""
                          gpio:
                            A: {line: GPIO40, mode: output}
                            B: {line: PIN6, mode: output}
                            C: {line: LED, mode: output}
                            D: {line: GPIO4, chip: gpiochip1, mode: output}
                        """));
    }

    @Test
    void boardProfilesAreKnownByName() {
        assertEquals(BoardProfile.RASPBERRY_PI_5, BoardProfile.of("raspberry-pi-5"));
        assertEquals("pinctrl-rp1", BoardProfile.RASPBERRY_PI_5.chipLabel());
        assertEquals(17, BoardProfile.RASPBERRY_PI_4.line("gpio17"));
        assertEquals(2, BoardProfile.RASPBERRY_PI_4.line("PIN3"));
        var e = assertThrows(IllegalArgumentException.class, () -> BoardProfile.of("arduino"));
        assertEquals("board 'arduino' is not one of raspberry-pi-4, raspberry-pi-5", e.getMessage());
    }

    @Test
    void noSectionGrantsNothing() throws Exception {
        AppManifest m = ManifestParser.parse("name: app\nversion: '1'\n", "skiff.yaml");
        assertEquals(CapabilityGrants.NONE, m.capabilities());
    }

    @Test
    void twoLabelsForOneLineAreAnErrorAtTheSecond() {
        assertEquals(List.of("6:11: line 17 of gpiochip0 is already granted as LED; a line can have only one label"),
                problems("""
                          gpio:
                            LED: {line: 17, mode: output}
                            LAMP: {line: 17, mode: output}
                        """));
    }

    @Test
    void sameLineOnAnotherChipIsFine() throws Exception {
        assertEquals(2, parse("""
                  gpio:
                    A: {line: 3, mode: output}
                    B: {line: 3, chip: gpiochip1, mode: input}
                """).capabilities().gpio().size());
    }

    @Test
    void everyBadFieldIsReportedWithLineAndColumn() {
        assertEquals(List.of(
                        "5:8: missing required key 'line'",
                        "6:24: GPIO mode 'pwm' is not one of output, input",
                        "7:15: '-1' is not a whole number of at least 0",
                        "8:41: level 'up' is not one of low, high",
                        "9:41: 'shutdown' is not allowed here: an input line is driven from outside; only output lines have a shutdown level",
                        "10:55: '0' is not a whole number of at least 1",
                        "11:31: unknown key 'pull'; allowed here: chip, initial, line, max-events-per-second, max-writes-per-second, mode, shutdown",
                        "12:9: GPIO label '9V' is not a letter followed by letters, digits, '_' or '-'"),
                problems("""
                          gpio:
                            A: {mode: output}
                            B: {line: 1, mode: pwm}
                            C: {line: -1, mode: output}
                            D: {line: 2, mode: output, initial: up}
                            E: {line: 3, mode: input, shutdown: low}
                            F: {line: 4, mode: output, max-writes-per-second: 0}
                            G: {line: 5, mode: input, pull: up}
                            9V: {line: 6, mode: input}
                        """));
    }
}
