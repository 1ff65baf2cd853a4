package dev.skiff.fleet;

/** Where one device stands in a rollout. */
public enum DeviceStep {
    /** Not asked yet (its wave has not started); a halted rollout leaves it untouched. */
    WAITING,
    /** Asked to run the new version; no verdict yet (offline devices wait here until they return). */
    UPDATING,
    UPDATED,
    /** Refused or unhealthy (the device kept its old version), or silent past the health timeout. */
    FAILED,
    /** Asked to return to the version it ran before. */
    ROLLING_BACK,
    ROLLED_BACK
}
