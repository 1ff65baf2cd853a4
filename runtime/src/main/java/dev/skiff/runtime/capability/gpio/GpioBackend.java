package dev.skiff.runtime.capability.gpio;

import dev.skiff.protocols.manifest.GpioGrant.Level;
import java.util.function.Consumer;

/**
 * The hardware side of GPIO: a simulated board on laptops and in tests, Pi4J on devices. Knows
 * nothing of containers, labels or policy; {@link GpioHost} enforces those before calling in.
 * Methods may be called from any guest thread.
 */
public interface GpioBackend {

    /**
     * Requests a line as an output and drives it to {@code initial}. {@code shutdown} is the level
     * the line must be left at; a backend that can (Pi4J) also applies it when it shuts down itself.
     */
    void openOutput(GpioLine line, Level initial, Level shutdown);

    /**
     * Requests a line as an input whose changes are reported to {@code onChange} (with the new
     * level, on whatever thread noticed it: keep it short) until the line is closed.
     */
    void openInput(GpioLine line, Consumer<Level> onChange);

    void write(GpioLine line, Level level);

    Level read(GpioLine line);

    /** Releases a line; the caller drives an output to its shutdown level first. */
    void close(GpioLine line);
}
