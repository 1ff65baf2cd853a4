package dev.skiff.runtime.capability.gpio;

import dev.skiff.protocols.manifest.GpioGrant.Level;
import java.util.List;
import java.util.function.Consumer;

/**
 * A backend whose board can be watched and driven from outside: the simulated board for people
 * (the agent API, {@code skiff run --board sim}), and mock hardware in tests.
 */
public interface ObservableBoard extends GpioBackend {

    /** A line's level now; a line nobody opened reads low. */
    Level level(GpioLine line);

    /** Sets what an input line reads, as a button or sensor would, whether or not it is open. */
    void drive(GpioLine line, Level level);

    /** Every change so far, oldest first. */
    List<PinChange> timeline();

    /** Called on the thread that changed the line (often a guest's): keep it short. */
    void addListener(Consumer<PinChange> listener);
}
