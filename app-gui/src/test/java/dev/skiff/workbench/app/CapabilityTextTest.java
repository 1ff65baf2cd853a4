package dev.skiff.workbench.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.skiff.protocols.manifest.CapabilityGrants;
import dev.skiff.protocols.manifest.GpioGrant;
import dev.skiff.protocols.manifest.GpioGrant.Level;
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
    void anAppWithoutGrantsNeedsNoPeripherals() {
        assertEquals("needs: no peripherals (WASI only)", CapabilityText.describe(CapabilityGrants.NONE));
    }
}
