package dev.skiff.runtime.capability;

import dev.skiff.protocols.manifest.CapabilityGrants;
import dev.skiff.runtime.capability.gpio.GpioBackend;
import dev.skiff.runtime.capability.gpio.GpioHost;
import dev.skiff.runtime.capability.serial.SerialBackend;
import dev.skiff.runtime.capability.serial.SerialHost;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A host's peripherals (GPIO lines, serial ports) as capabilities, shared by every container of
 * the process (a CLI run, an agent) so a line or device has one owner across them: the one place
 * a container's host modules are made from its grants.
 */
public final class Peripherals {
    private final Optional<GpioHost> gpio;
    private final SerialHost serial;
    private final String noGpioRemedy;

    /**
     * @param gpio the GPIO backend, or empty when this host has none (apps with GPIO grants are refused)
     * @param noGpioRemedy what to do about a missing GPIO backend, for the refusal
     */
    public Peripherals(Optional<GpioBackend> gpio, SerialBackend serial, String noGpioRemedy) {
        this.gpio = gpio.map(GpioHost::new);
        this.serial = new SerialHost(serial);
        this.noGpioRemedy = noGpioRemedy;
    }

    /**
     * Fresh host modules for one container from its grants; their leases claim the lines and
     * devices at its admission. Without grants of a kind, none of its modules is linked, so
     * imports of it are refused.
     *
     * @throws CapabilityUnavailableException when the app has GPIO grants and this host has no GPIO
     */
    public List<HostModule> hostModules(String container, CapabilityGrants grants) throws CapabilityUnavailableException {
        List<HostModule> modules = new ArrayList<>(serial.hostModules(container, grants));
        if (!grants.gpio().isEmpty()) {
            GpioHost host = gpio.orElseThrow(() -> new CapabilityUnavailableException(
                    container + " is granted GPIO lines " + grants.gpio().keySet() + "; " + noGpioRemedy));
            modules.addAll(host.hostModules(container, grants));
        }
        return modules;
    }

    /** Each serial device a container holds now, with that container's name. */
    public Map<String, String> serialHolders() {
        return serial.holders();
    }
}
