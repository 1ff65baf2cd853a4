package dev.skiff.protocols.api;

import java.util.List;

/**
 * {@code GET /v1/board}: the agent's simulated board, every line that has a level.
 *
 * @param lines sorted by chip and line
 */
public record BoardInfo(String backend, List<BoardLine> lines) {

    /**
     * @param name {@code GPIO17} on the header chip, else {@code gpiochip1/5}
     * @param level {@code low} or {@code high}
     */
    public record BoardLine(String chip, int line, String name, String level) {}
}
