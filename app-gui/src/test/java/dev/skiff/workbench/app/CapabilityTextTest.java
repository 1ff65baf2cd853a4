package dev.skiff.workbench.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.skiff.protocols.manifest.CapabilityGrants;
import dev.skiff.protocols.manifest.GpioGrant;
import dev.skiff.protocols.manifest.GpioGrant.Level;
import dev.skiff.protocols.manifest.SerialGrant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CapabilityTextTest {
    @Test
    void saysWhatEachLabelIsAndWhereItIs() {
        CapabilityGrants grants = new CapabilityGrants(Map.of(
                "LED", new GpioGrant.Output(GpioGrant.DEFAULT_CHIP, 17, Level.LOW, Level.LOW, 0),
                "BUTTON", new GpioGrant.Input("gpiochip1", 3, 0)));
        assertEquals("needs: BUTTON input on gpiochip1/3, LED output on GPIO17", CapabilityText.describe(grants));
    }

    @Test
    void serialPortsComeAfterTheLinesWithDeviceSpeedAndParity() {
        CapabilityGrants grants = new CapabilityGrants(Map.of("LED", new GpioGrant.Output(GpioGrant.DEFAULT_CHIP, 17, Level.LOW, Level.LOW, 0)),
                Map.of("GPS", new SerialGrant("/dev/ttyAMA0", 9600, SerialGrant.Parity.NONE),
                        "METER", new SerialGrant("/dev/ttyUSB0", 2400, SerialGrant.Parity.EVEN)));
        assertEquals("needs: LED output on GPIO17, serial GPS on /dev/ttyAMA0 at 9600 baud, serial METER on /dev/ttyUSB0 at 2400 baud, even parity",
                CapabilityText.describe(grants));
    }

    @Test
    void anAppWithoutGrantsNeedsNoPeripherals() {
        assertEquals("needs: no peripherals (WASI only)", CapabilityText.describe(CapabilityGrants.NONE));
    }
}
