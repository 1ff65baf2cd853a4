package dev.skiff.workbench.app;

import dev.skiff.protocols.manifest.CapabilityGrants;
import dev.skiff.protocols.manifest.GpioGrant;
import dev.skiff.protocols.manifest.SerialGrant;
import dev.skiff.runtime.capability.gpio.GpioLine;
import java.util.ArrayList;
import java.util.List;

/** An app's capability requests said plainly: "needs: LED output on GPIO17, serial GPS on /dev/ttyAMA0 at 9600 baud". */
public final class CapabilityText {
    private CapabilityText() {}

    public static String describe(CapabilityGrants grants) {
        if (grants.isEmpty()) {
            return "needs: no peripherals (WASI only)";
        }
        List<String> needs = new ArrayList<>();
        grants.gpio().forEach((label, grant) -> needs.add(label + " " + switch (grant) {
            case GpioGrant.Output o -> "output";
            case GpioGrant.Input i -> "input";
        } + " on " + GpioLine.of(grant)));
        grants.serial().forEach((name, grant) -> needs.add("serial " + name + " on " + serial(grant)));
        return "needs: " + String.join(", ", needs);
    }

    /** {@code /dev/ttyAMA0 at 9600 baud}, with the parity unless it is none. */
    public static String serial(SerialGrant grant) {
        return grant.device() + " at " + grant.baud() + " baud" + (grant.parity() == SerialGrant.Parity.NONE ? "" : ", " + grant.parity().yaml() + " parity");
    }
}
