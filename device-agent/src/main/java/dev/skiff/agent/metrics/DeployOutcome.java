package dev.skiff.agent.metrics;

import dev.skiff.agent.events.EventKind;
import java.util.Locale;

/**
 * How a deploy ended, as {@code skiff_deploys_total} labels it, and the event that records it.
 * Counted from events rather than releases because events outlive removed apps, so the counter
 * never goes down.
 */
enum DeployOutcome {
    /** Passed its health check and became the app's current release. */
    ACTIVE(EventKind.DEPLOY_COMMITTED),
    /** Failed its health check; the previous release kept running. */
    FAILED(EventKind.DEPLOY_ROLLED_BACK),
    /** Refused before it started: trust policy, memory budget, imports. */
    REFUSED(EventKind.DEPLOY_REFUSED),
    /** Cut short by an agent stop; found and closed at the next start. */
    ABORTED(EventKind.DEPLOY_ABORTED);

    final EventKind event;

    DeployOutcome(EventKind event) {
        this.event = event;
    }

    String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
