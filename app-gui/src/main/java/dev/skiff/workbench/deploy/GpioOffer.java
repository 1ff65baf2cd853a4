package dev.skiff.workbench.deploy;

import dev.skiff.agent.client.AgentClient;
import dev.skiff.protocols.api.BoardInfo;
import java.io.IOException;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The GPIO a device offers: its agent's backend ({@code none}, {@code sim}, {@code pi4j}) and, on a
 * simulated board, the level of each line that has one ({@code GPIO17 -> low}).
 */
public record GpioOffer(String backend, Map<String, String> levels) {
    public static final String NONE = "none";

    public GpioOffer {
        levels = Map.copyOf(levels);
    }

    /** Asks the agent through {@code GET /v1/board}. */
    public static GpioOffer probe(AgentClient client) throws IOException {
        BoardInfo board = client.board();
        return new GpioOffer(board.backend(), board.lines().stream().collect(Collectors.toMap(BoardInfo.BoardLine::name, BoardInfo.BoardLine::level)));
    }

    public boolean hasGpio() {
        return !backend.equals(NONE);
    }
}
