package dev.skiff.runtime.capability.gpio;

import java.util.Optional;

/**
 * The {@code list<digital-flag>} a guest passes to {@code get}, checked for one kind of pin.
 * {@code digital-flag} has eight members, so each element is one byte with bit i set for the
 * i-th member in WIT order; the elements are OR-ed together.
 *
 * @param activeLow whether active means a low line (the guest must say which: missing-flags)
 * @param initial the state an output pin is set to on get, if the guest asked for one
 */
record DigitalFlags(boolean activeLow, Optional<PinState> initial) {
    static final int ACTIVE_HIGH = 1;
    static final int ACTIVE_LOW = 1 << 1;
    static final int PULL_UP = 1 << 2;
    static final int PULL_DOWN = 1 << 3;
    static final int ACTIVE = 1 << 4;
    static final int INACTIVE = 1 << 5;
    static final int INPUT = 1 << 6;
    static final int OUTPUT = 1 << 7;

    static DigitalFlags forOutput(int bits) throws GpioFailure {
        refuse(bits, PULL_UP | PULL_DOWN | INPUT | OUTPUT, GpioError.INVALID_FLAG);
        clash(bits, ACTIVE | INACTIVE);
        Optional<PinState> initial = (bits & ACTIVE) != 0 ? Optional.of(PinState.ACTIVE)
                : (bits & INACTIVE) != 0 ? Optional.of(PinState.INACTIVE) : Optional.empty();
        return new DigitalFlags(activeLow(bits), initial);
    }

    /** Pull resistors belong to the board's wiring here, not to the guest: not supported. */
    static DigitalFlags forInput(int bits) throws GpioFailure {
        refuse(bits, ACTIVE | INACTIVE | INPUT | OUTPUT, GpioError.INVALID_FLAG);
        clash(bits, PULL_UP | PULL_DOWN);
        refuse(bits, PULL_UP | PULL_DOWN, GpioError.OPERATION_NOT_SUPPORTED);
        return new DigitalFlags(activeLow(bits), Optional.empty());
    }

    private static boolean activeLow(int bits) throws GpioFailure {
        clash(bits, ACTIVE_HIGH | ACTIVE_LOW);
        if ((bits & (ACTIVE_HIGH | ACTIVE_LOW)) == 0) {
            throw new GpioFailure(GpioError.MISSING_FLAGS);
        }
        return (bits & ACTIVE_LOW) != 0;
    }

    private static void refuse(int bits, int forbidden, GpioError error) throws GpioFailure {
        if ((bits & forbidden) != 0) {
            throw new GpioFailure(error);
        }
    }

    private static void clash(int bits, int exclusive) throws GpioFailure {
        if ((bits & exclusive) == exclusive) {
            throw new GpioFailure(GpioError.INVALID_FLAG);
        }
    }
}
