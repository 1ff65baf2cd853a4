package dev.skiff.protocols.manifest;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * What an app may touch beyond WASI (DESIGN.md §4). Deny by default: a capability the app's
 * {@code skiff.yaml} does not grant is not linked, so its imports fail admission.
 *
 * @param gpio GPIO lines by the label the guest asks for them with, sorted by label
 */
public record CapabilityGrants(Map<String, GpioGrant> gpio) {
    public static final CapabilityGrants NONE = new CapabilityGrants(Map.of());

    public CapabilityGrants {
        gpio = Collections.unmodifiableSortedMap(new TreeMap<>(gpio));
    }

    public CapabilityGrants withGpio(Map<String, GpioGrant> lines) {
        return new CapabilityGrants(lines);
    }

    public boolean isEmpty() {
        return gpio.isEmpty();
    }
}
