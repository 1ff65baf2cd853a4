package dev.skiff.agent.events;

/** What an event records. */
public enum EventKind {
    DEPLOY_STARTED,
    /** The image verified with a key its trust rule names. */
    IMAGE_VERIFIED,
    /** The image did not verify, and its trust rule ({@code warn}) let the deploy go on. */
    TRUST_WARNING,
    DEPLOY_COMMITTED,
    DEPLOY_REFUSED,
    /** The new release failed its health check and the previous one was kept. */
    DEPLOY_ROLLED_BACK,
    /** The agent found a deployment its previous process did not finish, and kept the previous release. */
    DEPLOY_ABORTED,
    /**
     * The running release was stopped before the next one started, because the next one owns GPIO
     * lines (one owner per line); it is started again if the next one fails.
     */
    STOPPED_FOR_LINES,
    /** An operator switched the app to its previous release. */
    ROLLBACK,
    APP_STOPPED,
    APP_STARTED,
    APP_REMOVED
}
