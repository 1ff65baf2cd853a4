package dev.skiff.protocols.manifest;

import java.util.Locale;

/**
 * One GPIO line an app may use, under a label of its choosing. The mode is the kind of grant:
 * a guest can get an output grant only as an output pin and an input grant only as an input pin.
 */
public sealed interface GpioGrant {
    /** The chip when {@code skiff.yaml} names none: the Raspberry Pi's header lines. */
    String DEFAULT_CHIP = "gpiochip0";

    /** A rate of 0 means no limit. */
    int UNLIMITED = 0;

    /** The GPIO character device, e.g. {@code gpiochip0}. */
    String chip();

    /** The line offset on the chip; on a Raspberry Pi's gpiochip0 this is the BCM number. */
    int line();

    /** The same grant on another line (label, mode, levels and rates kept). */
    GpioGrant onLine(String chip, int line);

    /** Physical level of a line (before any active-low inversion the guest asks for). */
    enum Level {
        LOW,
        HIGH;

        public String yaml() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * @param initial the level the line is driven to when the container claims it
     * @param shutdown the level the line returns to when the container ends, however it ends
     * @param maxWritesPerSecond writes beyond this rate wait (see docs/capabilities.md)
     */
    record Output(String chip, int line, Level initial, Level shutdown, int maxWritesPerSecond) implements GpioGrant {
        @Override
        public Output onLine(String otherChip, int otherLine) {
            return new Output(otherChip, otherLine, initial, shutdown, maxWritesPerSecond);
        }
    }

    /** @param maxEventsPerSecond edge events delivered at most at this rate */
    record Input(String chip, int line, int maxEventsPerSecond) implements GpioGrant {
        @Override
        public Input onLine(String otherChip, int otherLine) {
            return new Input(otherChip, otherLine, maxEventsPerSecond);
        }
    }
}
