package dev.skiff.runtime.capability.gpio;

/** A GPIO call that the guest sees fail with {@code error} (not a trap). */
final class GpioFailure extends Exception {
    private static final long serialVersionUID = 1L;

    final GpioError error;

    GpioFailure(GpioError error) {
        super(error.name(), null, false, false); // control flow back to the guest: no stack trace
        this.error = error;
    }
}
