package dev.skiff.protocols.manifest;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.ToIntFunction;

/**
 * An operator's binding of an app's grants to the device's hardware at deploy, which the release
 * then keeps for every start.
 *
 * <p>GPIO labels remapped ({@code skiff deploy REF --grant LED=GPIO27}): the label keeps its
 * mode, levels and rates, on another header line of the device's board. Only labels the app's
 * {@code skiff.yaml} grants can be remapped; the result is checked like the manifest's own grants
 * (one label per line), and admission then checks it like any grant (one owner per line).
 *
 * <p>Serial ports bound to other devices ({@code skiff deploy REF --serial GPS=/dev/ttyUSB0}),
 * keeping their baud and parity; only ports the app grants can be bound.
 *
 * @param gpio label to header line name ({@code GPIO27}, {@code PIN13}, {@code 27})
 * @param serial port name to device path
 */
public record GrantOverrides(Map<String, String> gpio, Map<String, String> serial) {
    public static final GrantOverrides NONE = new GrantOverrides(Map.of(), Map.of());

    public GrantOverrides {
        gpio = Map.copyOf(gpio);
        serial = Map.copyOf(serial);
    }

    public boolean isEmpty() {
        return gpio.isEmpty() && serial.isEmpty();
    }

    /**
     * @param header the device's header: line name to line, e.g. {@link BoardProfile#line}; throws
     *     IllegalArgumentException for a name it does not know
     * @throws IllegalArgumentException naming every problem
     */
    public CapabilityGrants apply(CapabilityGrants grants, ToIntFunction<String> header) {
        return remapGpio(grants, header).withSerialDevices(serial);
    }

    private CapabilityGrants remapGpio(CapabilityGrants grants, ToIntFunction<String> header) {
        if (this.gpio.isEmpty()) {
            return grants;
        }
        Map<String, GpioGrant> gpio = new TreeMap<>(grants.gpio());
        List<String> problems = new ArrayList<>();
        new TreeMap<>(this.gpio).forEach((label, line) -> {
            GpioGrant grant = gpio.get(label);
            if (grant == null) {
                problems.add("--grant " + label + "=" + line + ": the app grants no GPIO label " + label
                        + (gpio.isEmpty() ? " (it has no GPIO grants)" : "; it grants " + String.join(", ", grants.gpio().keySet())));
                return;
            }
            try {
                gpio.put(label, grant.onLine(GpioGrant.DEFAULT_CHIP, header.applyAsInt(line)));
            } catch (IllegalArgumentException e) {
                problems.add("--grant " + label + "=" + line + ": " + e.getMessage());
            }
        });
        Map<String, String> labelsByLine = new HashMap<>();
        gpio.forEach((label, grant) -> {
            String other = labelsByLine.putIfAbsent(grant.chip() + "/" + grant.line(), label);
            if (other != null) {
                problems.add("labels " + other + " and " + label + " would share line " + grant.line() + " of " + grant.chip()
                        + "; a line can have only one label");
            }
        });
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", problems));
        }
        return grants.withGpio(gpio);
    }
}
