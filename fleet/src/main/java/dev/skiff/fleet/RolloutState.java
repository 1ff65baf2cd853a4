package dev.skiff.fleet;

/** Where a rollout stands; the last three are final. */
public enum RolloutState {
    RUNNING,
    /** Waits for {@code skiff fleet resume}; devices already updating finish, no new ones start. */
    PAUSED,
    /** An operator aborted it; the next driver rolls back the devices it touched. */
    ABORTING,
    /** Failures reached the abort threshold; the devices it touched are being rolled back. */
    HALTING,
    /** Every target runs the new version, or is offline and will get it when it returns. */
    COMPLETED,
    /** Failures reached the abort threshold; the devices it touched were rolled back. */
    HALTED,
    /** An operator aborted it and the devices it touched were rolled back. */
    ABORTED;

    public boolean isFinal() {
        return this == COMPLETED || this == HALTED || this == ABORTED;
    }
}
