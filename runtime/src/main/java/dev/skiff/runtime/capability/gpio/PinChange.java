package dev.skiff.runtime.capability.gpio;

import dev.skiff.protocols.manifest.GpioGrant.Level;
import java.time.Duration;

/** A line of the simulated board changed level, {@code at} after the board was made. */
public record PinChange(Duration at, GpioLine line, Level level) {}
