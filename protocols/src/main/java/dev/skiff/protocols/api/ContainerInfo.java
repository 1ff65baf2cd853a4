package dev.skiff.protocols.api;

/**
 * One line of {@code GET /v1/apps} (ps).
 *
 * @param name the container, {@code APP/rN}
 * @param state {@code created}, {@code running}, {@code exited}, {@code killed} or {@code failed}
 * @param detail the state said for users ("exited with code 1", "failed: …")
 * @param restarting whether it waits out a backoff before its next restart
 */
public record ContainerInfo(String name, String app, long release, String state, String detail, boolean restarting, int restarts,
        long memoryLimitBytes, long cpuTimeMillis) {}
