package dev.skiff.runtime.capability.gpio;

import dev.skiff.protocols.manifest.GpioGrant.Level;
import dev.skiff.runtime.capability.GuestTrap;

/** {@code wasi:gpio/digital@0.2.0}'s {@code pin-state}; the ordinal is the guest's discriminant. */
enum PinState {
    ACTIVE,
    INACTIVE;

    static PinState ofDiscriminant(long value) {
        if (value < 0 || value >= values().length) {
            throw new GuestTrap("pin-state " + value + " is not a case of the enum");
        }
        return values()[(int) value];
    }

    Level level(boolean activeLow) {
        return (this == ACTIVE) != activeLow ? Level.HIGH : Level.LOW;
    }

    static PinState of(Level level, boolean activeLow) {
        return (level == Level.HIGH) != activeLow ? ACTIVE : INACTIVE;
    }
}
