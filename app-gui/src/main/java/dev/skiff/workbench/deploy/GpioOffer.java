package dev.skiff.workbench.deploy;

import dev.skiff.agent.client.AgentApiException;
import dev.skiff.agent.client.AgentClient;
import dev.skiff.protocols.api.BoardInfo;
import java.io.IOException;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The GPIO a device offers: its agent's backend ({@code none}, {@code sim}, {@code pi4j}) and, on a
 * simulated board, the level of each line that has one ({@code GPIO17 -> low}).
 */
public record GpioOffer(String backend, Map<String, String> levels) {
    public static final String NONE = "none";
    /** The agent names its backend in the 409 it answers {@code GET /v1/board} with when the board is not simulated. */
    private static final Pattern BACKEND = Pattern.compile("GPIO backend is (\\w+)");

    public GpioOffer {
        levels = Map.copyOf(levels);
    }

    /** Asks the agent through {@code GET /v1/board}. */
    public static GpioOffer probe(AgentClient client) throws IOException {
        try {
            BoardInfo board = client.board();
            return new GpioOffer(board.backend(), board.lines().stream().collect(Collectors.toMap(BoardInfo.BoardLine::name, BoardInfo.BoardLine::level)));
        } catch (AgentApiException e) {
            Matcher backend = BACKEND.matcher(e.getMessage());
            if (e.status() == 409 && backend.find()) {
                return new GpioOffer(backend.group(1), Map.of());
            }
            throw e;
        }
    }

    public boolean hasGpio() {
        return !backend.equals(NONE);
    }
}
