package dev.skiff.protocols.manifest;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * What an app may touch beyond WASI (DESIGN.md §4). Deny by default: a capability the app's
 * {@code skiff.yaml} does not grant is not linked, so its imports fail admission.
 *
 * @param gpio GPIO lines by the label the guest asks for them with, sorted by label
 * @param serial serial ports by the name the guest opens them with, sorted by name
 */
public record CapabilityGrants(Map<String, GpioGrant> gpio, Map<String, SerialGrant> serial) {
    public static final CapabilityGrants NONE = new CapabilityGrants(Map.of(), Map.of());

    public CapabilityGrants {
        gpio = Collections.unmodifiableSortedMap(new TreeMap<>(gpio));
        serial = Collections.unmodifiableSortedMap(new TreeMap<>(serial));
    }

    /** GPIO lines only. */
    public CapabilityGrants(Map<String, GpioGrant> gpio) {
        this(gpio, Map.of());
    }

    /** The same grants with the ports named in {@code devices} bound to those devices instead. */
    public CapabilityGrants withSerialDevices(Map<String, String> devices) {
        Map<String, SerialGrant> rebound = new TreeMap<>(serial);
        devices.forEach((name, device) -> {
            SerialGrant grant = serial.get(name);
            if (grant == null) {
                throw new IllegalArgumentException("serial port " + name + " is not granted; the app's skiff.yaml grants "
                        + (serial.isEmpty() ? "no serial ports" : String.join(", ", serial.keySet())));
            }
            rebound.put(name, grant.onDevice(device));
        });
        return new CapabilityGrants(gpio, rebound);
    }

    /** The same grants with other GPIO lines (remapped at deploy, {@link GrantOverrides}). */
    public CapabilityGrants withGpio(Map<String, GpioGrant> lines) {
        return new CapabilityGrants(lines, serial);
    }

    public boolean isEmpty() {
        return gpio.isEmpty() && serial.isEmpty();
    }
}
