package dev.skiff.runtime.capability.poll;

/**
 * Something a guest can wait for through {@code wasi:io/poll}: a timer, an edge on a GPIO line.
 * Once ready it stays ready, as the proposal says of pollables.
 */
public interface Pollable {
    /** Not ready, and no time is known at which it will be. */
    long NEVER = Long.MAX_VALUE;

    /**
     * The {@link System#nanoTime()} from which it is ready, or {@link #NEVER}. May lie in the
     * future (a timer, an edge held back by a rate limit); the waiter sleeps until then.
     */
    long readyAtNanos();

    /** The guest dropped it (or its container ended): stop feeding it. */
    default void dropped() {}
}
