package dev.skiff.workbench.app;

import dev.skiff.protocols.manifest.CapabilityGrants;
import dev.skiff.protocols.manifest.GpioGrant;
import dev.skiff.runtime.capability.gpio.GpioLine;
import java.util.ArrayList;
import java.util.List;

/** An app's capability requests said plainly: "needs: LED output on GPIO17". */
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
        return "needs: " + String.join(", ", needs);
    }
}
