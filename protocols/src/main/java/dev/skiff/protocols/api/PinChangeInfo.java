package dev.skiff.protocols.api;

/**
 * One entry of {@code GET /v1/board/timeline}: a line of the simulated board changed level.
 *
 * @param atMillis milliseconds since the board was set up (the agent started)
 * @param name {@code GPIO17} on the header chip, else {@code gpiochip1/5}
 * @param level {@code low} or {@code high}
 */
public record PinChangeInfo(double atMillis, String chip, int line, String name, String level) {}
