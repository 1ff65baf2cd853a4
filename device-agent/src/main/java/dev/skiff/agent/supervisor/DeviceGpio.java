package dev.skiff.agent.supervisor;

import dev.skiff.agent.GpioSettings;
import dev.skiff.runtime.capability.gpio.GpioBackend;
import dev.skiff.runtime.capability.gpio.Pi4jBackend;
import dev.skiff.runtime.capability.gpio.SimulatedBoard;
import java.util.Optional;

/**
 * The device's GPIO backend as the agent's containers get it ({@link dev.skiff.runtime.capability.Peripherals}),
 * or none, in which case apps with GPIO grants are refused.
 */
public final class DeviceGpio implements AutoCloseable {
    private final String backendName;
    private final GpioBackend backend;

    private DeviceGpio(String backendName, GpioBackend backend) {
        this.backendName = backendName;
        this.backend = backend;
    }

    public static DeviceGpio none() {
        return new DeviceGpio(GpioSettings.Backend.NONE.yaml(), null);
    }

    public static DeviceGpio simulated() {
        return new DeviceGpio(GpioSettings.Backend.SIM.yaml(), new SimulatedBoard());
    }

    /** The device's own GPIO lines, through Pi4J's gpiod provider. */
    public static DeviceGpio pi4j() {
        return new DeviceGpio(GpioSettings.Backend.PI4J.yaml(), Pi4jBackend.gpiod());
    }

    /** The backend's name in the agent config: none, sim or pi4j. */
    public String backendName() {
        return backendName;
    }

    /** The simulated board, when that is the backend: what the agent API shows and drives. */
    public Optional<SimulatedBoard> simulatedBoard() {
        return backend instanceof SimulatedBoard board ? Optional.of(board) : Optional.empty();
    }

    /** The backend containers' GPIO grants are linked to, or none. */
    public Optional<GpioBackend> backend() {
        return Optional.ofNullable(backend);
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
