package dev.skiff.protocols.api;

/**
 * How a {@code POST /v1/runs} ended. The container is gone by then: nothing of it is kept.
 *
 * @param image the image run, pinned to its digest ({@code REPO@sha256:…})
 * @param exitCode the guest's {@code proc_exit} value; 128+signal when killed, 137 when it failed
 * @param detail the end said for users ("exited with code 0", "failed: …")
 * @param stdout what the guest wrote, at most {@code outputLimitBytes} of it (UTF-8, invalid bytes replaced)
 * @param stderr likewise
 * @param outputTruncated whether the guest wrote more than was kept of either stream
 */
public record RunResult(String image, int exitCode, String detail, String stdout, String stderr, boolean outputTruncated) {}
