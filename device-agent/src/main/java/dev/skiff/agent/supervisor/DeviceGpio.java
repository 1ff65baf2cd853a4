package dev.skiff.agent.supervisor;

import dev.skiff.protocols.manifest.CapabilityGrants;
import dev.skiff.runtime.AdmissionException;
import dev.skiff.runtime.capability.HostModule;
import dev.skiff.runtime.capability.gpio.GpioBackend;
import dev.skiff.runtime.capability.gpio.GpioHost;
import dev.skiff.runtime.capability.gpio.Pi4jBackend;
import dev.skiff.runtime.capability.gpio.SimulatedBoard;
import java.util.List;
import java.util.Optional;

/**
 * The device's GPIO as the agent's containers get it: one backend and one owner per line across
 * every app, or none, in which case apps with GPIO grants are refused.
 */
public final class DeviceGpio implements AutoCloseable {
    private final String backendName;
    private final GpioBackend backend;
    private final GpioHost host;

    private DeviceGpio(String backendName, GpioBackend backend) {
        this.backendName = backendName;
        this.backend = backend;
        this.host = backend == null ? null : new GpioHost(backend);
    }

    public static DeviceGpio none() {
        return new DeviceGpio("none", null);
    }

    public static DeviceGpio simulated() {
        return new DeviceGpio("sim", new SimulatedBoard());
    }

    /** The device's own GPIO lines, through Pi4J's gpiod provider. */
    public static DeviceGpio pi4j() {
        return new DeviceGpio("pi4j", Pi4jBackend.gpiod());
    }

    /** The backend's name in the agent config: none, sim or pi4j. */
    public String backendName() {
        return backendName;
    }

    /** The simulated board, when that is the backend: what the agent API shows and drives. */
    public Optional<SimulatedBoard> simulatedBoard() {
        return backend instanceof SimulatedBoard board ? Optional.of(board) : Optional.empty();
    }

    /**
     * A container's GPIO capabilities from its grants: none without grants; with grants, the
     * host modules whose lease claims the lines at admission.
     *
     * @throws AdmissionException when the app has GPIO grants and this agent has no GPIO
     */
    List<HostModule> hostModules(String container, CapabilityGrants grants) throws AdmissionException {
        if (grants.gpio().isEmpty()) {
            return List.of();
        }
        if (host == null) {
            throw new AdmissionException(container + " is granted GPIO lines " + grants.gpio().keySet()
                    + ", but this agent has no GPIO; set gpio: {backend: pi4j} (or sim) in its config");
        }
        return host.hostModules(container, grants);
    }

    @Override
    public void close() {
        if (backend instanceof AutoCloseable closeable) {
            try {
                closeable.close();
            } catch (Exception e) {
                throw new IllegalStateException("cannot shut the GPIO backend down: " + e.getMessage(), e);
            }
        }
    }
}
