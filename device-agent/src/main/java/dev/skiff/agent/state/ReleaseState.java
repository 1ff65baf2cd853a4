package dev.skiff.agent.state;

/** Where a release (one deployment of an image to an app) stands; stored by name. */
public enum ReleaseState {
    /** Started beside the current release, waiting for its health check. */
    DEPLOYING,
    /** The app's current release. */
    ACTIVE,
    /** Replaced by a newer release that passed its health check. */
    RETIRED,
    /** Its health check failed; the previous release was kept. */
    FAILED,
    /** Refused before it started (memory budget, imports, unsupported health check). */
    REFUSED,
    /** The agent stopped while it was deploying; on restart the previous release was kept. */
    ABORTED,
    /** Was active until an operator rolled the app back to its previous release. */
    ROLLED_BACK;

    /** Whether the deployment has reached its outcome: anything but DEPLOYING. */
    public boolean hasOutcome() {
        return this != DEPLOYING;
    }
}
