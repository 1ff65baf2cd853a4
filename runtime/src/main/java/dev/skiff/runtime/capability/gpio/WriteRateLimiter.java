package dev.skiff.runtime.capability.gpio;

import java.util.concurrent.CancellationException;
import java.util.concurrent.TimeUnit;

/**
 * Holds writes to a line to {@code max-writes-per-second} by spacing them at least 1/N s apart.
 * A write that comes early waits rather than fails: a guest toggling in a tight loop is slowed
 * to the limit without having to handle an error it could not do anything about. The wait is
 * interruptible, so a stop is never held up by it.
 */
final class WriteRateLimiter {
    private final long intervalNanos;
    private long nextAllowedNanos = System.nanoTime();

    /** @param maxPerSecond at least 1 */
    WriteRateLimiter(int maxPerSecond) {
        this.intervalNanos = TimeUnit.SECONDS.toNanos(1) / maxPerSecond;
    }

    /** Waits until the next write is allowed and books it. */
    void await() {
        long wait;
        synchronized (this) {
            long now = System.nanoTime();
            long slot = Math.max(now, nextAllowedNanos);
            nextAllowedNanos = slot + intervalNanos;
            wait = slot - now;
        }
        if (wait > 0) {
            try {
                TimeUnit.NANOSECONDS.sleep(wait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CancellationException("GPIO write interrupted: the container is stopping");
            }
        }
    }
}
