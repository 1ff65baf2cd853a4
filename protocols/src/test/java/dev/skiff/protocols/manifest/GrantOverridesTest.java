package dev.skiff.protocols.manifest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.skiff.protocols.manifest.GpioGrant.Level;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Remapping an app's GPIO labels to other header lines at deploy. */
class GrantOverridesTest {
    static final CapabilityGrants GRANTS = new CapabilityGrants(Map.of(
            "LED", new GpioGrant.Output("gpiochip0", 17, Level.LOW, Level.HIGH, 100),
            "BUTTON", new GpioGrant.Input("gpiochip0", 27, 50)));

    @Test
    void aLabelMovesToAnotherLineKeepingItsGrant() {
        CapabilityGrants moved = gpio(Map.of("LED", "GPIO22", "BUTTON", "PIN29")).apply(GRANTS, BoardProfile.RASPBERRY_PI_5::line);
        assertEquals(new GpioGrant.Output("gpiochip0", 22, Level.LOW, Level.HIGH, 100), moved.gpio().get("LED"));
        assertEquals(new GpioGrant.Input("gpiochip0", 5, 50), moved.gpio().get("BUTTON"));
    }

    @Test
    void everyProblemIsNamed() {
        var e = assertThrows(IllegalArgumentException.class, () -> gpio(Map.of("LAMP", "GPIO5", "LED", "GPIO99"))
                .apply(GRANTS, BoardProfile.RASPBERRY_PI_4::line));
        assertEquals("--grant LAMP=GPIO5: the app grants no GPIO label LAMP; it grants BUTTON, LED;"
                + " --grant LED=GPIO99: 'GPIO99' is not a header line: GPIO0 to GPIO27", e.getMessage());
        var shared = assertThrows(IllegalArgumentException.class, () -> gpio(Map.of("LED", "GPIO27"))
                .apply(GRANTS, BoardProfile.RASPBERRY_PI_4::line));
        assertEquals("labels BUTTON and LED would share line 27 of gpiochip0; a line can have only one label", shared.getMessage());
    }

    @Test
    void gpioRemapsAndSerialBindingsApplyTogether() {
        CapabilityGrants withPort = new CapabilityGrants(GRANTS.gpio(), Map.of("GPS", new SerialGrant("/dev/ttyAMA0", 9600, SerialGrant.Parity.NONE)));
        CapabilityGrants bound = new GrantOverrides(Map.of("LED", "GPIO22"), Map.of("GPS", "/dev/ttyUSB0"))
                .apply(withPort, BoardProfile.RASPBERRY_PI_5::line);
        assertEquals(22, bound.gpio().get("LED").line());
        assertEquals(new SerialGrant("/dev/ttyUSB0", 9600, SerialGrant.Parity.NONE), bound.serial().get("GPS"));
    }

    private static GrantOverrides gpio(Map<String, String> lines) {
        return new GrantOverrides(lines, Map.of());
    }
}
