package dev.skiff.agent.events;

import java.time.Instant;

/** Something that happened to an app; {@code releaseId} is null when no release is involved. */
public record Event(long id, Instant at, String app, Long releaseId, EventKind kind, String message) {}
