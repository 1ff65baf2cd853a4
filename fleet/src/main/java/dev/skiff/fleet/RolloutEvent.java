package dev.skiff.fleet;

/** Progress of a rollout as the engine drives it; the CLI prints each as a line. */
public sealed interface RolloutEvent {
    long rolloutId();

    record WaveStarted(long rolloutId, int wave, int waves, int devices) implements RolloutEvent {}

    record DeviceUpdating(long rolloutId, String device, boolean online) implements RolloutEvent {}

    record DeviceUpdated(long rolloutId, String device) implements RolloutEvent {}

    record DeviceFailed(long rolloutId, String device, String detail) implements RolloutEvent {}

    record WaveFinished(long rolloutId, int wave, long updated, long failed, long pending) implements RolloutEvent {}

    /** The rollout stops and rolls back every device it touched. */
    record RollingBack(long rolloutId, String reason, int devices) implements RolloutEvent {}

    record DeviceRolledBack(long rolloutId, String device) implements RolloutEvent {}

    /** The driver stops: the rollout is final, or paused. */
    record Stopped(long rolloutId, RolloutState state, String detail) implements RolloutEvent {}
}
