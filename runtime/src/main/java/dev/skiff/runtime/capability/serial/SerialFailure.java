package dev.skiff.runtime.capability.serial;

/** A call that returns {@code err(error)} to the guest. */
final class SerialFailure extends Exception {
    private static final long serialVersionUID = 1L;

    final SerialError error;

    SerialFailure(SerialError error) {
        super(error.name(), null, false, false);
        this.error = error;
    }
}
