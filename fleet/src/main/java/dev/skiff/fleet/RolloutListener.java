package dev.skiff.fleet;

/** Receives {@link RolloutEvent}s on the driving thread. */
@FunctionalInterface
public interface RolloutListener {
    RolloutListener NONE = event -> {};

    void on(RolloutEvent event);
}
