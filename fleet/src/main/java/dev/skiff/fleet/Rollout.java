package dev.skiff.fleet;

import java.time.Instant;

/** A rollout as stored: its spec and where it stands; {@code detail} says why it ended, or null. */
public record Rollout(long id, RolloutSpec spec, RolloutState state, String detail, Instant createdAt) {}
