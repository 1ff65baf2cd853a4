package dev.skiff.agent.state;

import java.util.OptionalLong;

/**
 * A row of {@code apps}.
 *
 * @param currentRelease what runs (or would run: see {@code running})
 * @param previousRelease what a rollback returns to
 * @param running whether the operator wants it running; {@code stop} clears it, {@code start} sets it
 */
public record AppRecord(String name, OptionalLong currentRelease, OptionalLong previousRelease, boolean running) {}
