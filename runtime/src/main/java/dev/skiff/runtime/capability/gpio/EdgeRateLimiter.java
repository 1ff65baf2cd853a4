package dev.skiff.runtime.capability.gpio;

import java.util.concurrent.TimeUnit;

/**
 * Delivers a line's edges at most {@code max-events-per-second}: an edge that comes less than
 * 1/N s after the last delivered one is held back to the next slot, and every edge that arrives
 * while a slot is pending joins it. So a bouncing button costs the guest at most N wake-ups a
 * second, no backlog builds up, and the last edge is never lost (the guest reads the settled
 * level when it wakes).
 */
final class EdgeRateLimiter {
    private final long intervalNanos;
    private long lastSlotNanos;
    private boolean anyDelivered;

    /** @param maxPerSecond at least 1 */
    EdgeRateLimiter(int maxPerSecond) {
        this.intervalNanos = TimeUnit.SECONDS.toNanos(1) / maxPerSecond;
    }

    /** The {@link System#nanoTime()} at which an edge that happened at {@code now} is delivered. */
    synchronized long deliveryAt(long now) {
        if (!anyDelivered || now - lastSlotNanos >= intervalNanos) {
            anyDelivered = true;
            lastSlotNanos = now;
        } else if (lastSlotNanos - now <= 0) { // the last slot has passed: book the next one
            lastSlotNanos += intervalNanos;
        } // else a slot is pending: join it
        return lastSlotNanos;
    }
}
