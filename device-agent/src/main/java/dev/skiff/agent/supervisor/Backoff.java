package dev.skiff.agent.supervisor;

import dev.skiff.protocols.manifest.AppManifest.Restart;
import java.time.Duration;

/**
 * Delays between restarts: the first restart waits {@code initialBackoff}, each further one in a
 * row twice as long, capped at {@code maxBackoff}. A container that ran for {@link #RESET_AFTER}
 * before ending counts as having recovered, so its next restart waits {@code initialBackoff}
 * again (Kubernetes resets CrashLoopBackOff the same way, after 10 minutes; edge apps restart
 * quickly, so 10 seconds here).
 */
record Backoff(Duration initial, Duration max) {
    static final Duration RESET_AFTER = Duration.ofSeconds(10);

    static Backoff of(Restart restart) {
        return new Backoff(restart.initialBackoff(), restart.maxBackoff());
    }

    /** The wait before the {@code n}-th restart in a row (n from 1). */
    Duration delay(int n) {
        Duration d = initial;
        for (int i = 1; i < n && d.compareTo(max) < 0; i++) {
            d = d.multipliedBy(2);
        }
        return d.compareTo(max) > 0 ? max : d;
    }
}
