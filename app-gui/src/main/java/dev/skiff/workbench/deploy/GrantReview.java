package dev.skiff.workbench.deploy;

import dev.skiff.protocols.manifest.CapabilityGrants;
import dev.skiff.protocols.manifest.GpioGrant;
import dev.skiff.runtime.capability.gpio.GpioLine;
import java.util.ArrayList;
import java.util.List;

/**
 * What an image's GPIO grants meet on one device, line by line; a device without GPIO cannot run
 * an app that needs it (its agent would refuse it at admission), so it is not deployable.
 */
public record GrantReview(List<String> lines, boolean deployable) {
    public GrantReview {
        lines = List.copyOf(lines);
    }

    public static GrantReview of(CapabilityGrants asks, GpioOffer offer) {
        if (asks.gpio().isEmpty()) {
            return new GrantReview(List.of("GPIO: none needed (backend " + offer.backend() + ")"), true);
        }
        List<String> needed = asks.gpio().entrySet().stream().map(e -> e.getKey() + " (" + GpioLine.of(e.getValue()) + ")").toList();
        if (!offer.hasGpio()) {
            return new GrantReview(List.of("NO GPIO: this device's agent has no GPIO backend (gpio: none), but the image needs "
                    + String.join(", ", needed) + ". Deploy is disabled for it: deselect it, or set gpio: {backend: sim} or {backend: pi4j}"
                    + " in its agent config and restart the agent."), false);
        }
        List<String> lines = new ArrayList<>();
        asks.gpio().forEach((label, grant) -> {
            String line = GpioLine.of(grant).toString();
            String level = offer.levels().get(line);
            lines.add(label + " " + (grant instanceof GpioGrant.Output ? "output" : "input") + " on " + line + ": "
                    + (offer.backend().equals("sim") ? "simulated board" : offer.backend() + " backend")
                    + (level == null ? "" : ", now " + level));
        });
        return new GrantReview(lines, true);
    }
}
