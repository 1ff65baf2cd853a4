package dev.skiff.agent.supervisor;

import dev.skiff.runtime.ContainerState;
import java.time.Duration;

/**
 * One line of {@code ps}.
 *
 * @param state the state of the release's latest container
 * @param restarting true while it waits out a backoff before its next restart
 * @param restarts how often the release's container was restarted
 * @param cpuTime CPU time of all its containers so far
 */
public record ContainerStatus(String name, String app, long releaseId, ContainerState state, boolean restarting, int restarts,
        long memoryLimitBytes, Duration cpuTime) {}
