package dev.skiff.agent.state;

import java.time.Instant;

/**
 * A row of {@code container_runs}: one start of a release's container.
 *
 * @param restartCount 0 for the first start of the release, then 1, 2, …
 * @param endedAt null while running
 * @param exitCode null while running
 * @param endState how it ended, in words (null while running)
 */
public record ContainerRun(long id, long releaseId, String app, int restartCount, Instant startedAt, Instant endedAt,
        Integer exitCode, String endState) {}
