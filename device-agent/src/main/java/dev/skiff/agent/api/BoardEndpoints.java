package dev.skiff.agent.api;

import dev.skiff.agent.Agent;
import dev.skiff.protocols.api.BoardInfo;
import dev.skiff.protocols.api.LineLevel;
import dev.skiff.protocols.api.PinChangeInfo;
import dev.skiff.protocols.manifest.BoardProfile;
import dev.skiff.protocols.manifest.GpioGrant;
import dev.skiff.protocols.manifest.GpioGrant.Level;
import dev.skiff.runtime.capability.gpio.GpioLine;
import dev.skiff.runtime.capability.gpio.SimulatedBoard;
import dev.skiff.runtime.capability.serial.LocalSerialPorts;
import java.io.IOException;
import java.util.Comparator;
import java.util.List;
import java.util.TreeMap;

/**
 * {@code /v1/board…}: what the device offers apps' grants (GPIO backend, serial ports), and with
 * the {@code sim} GPIO backend the simulated board seen and driven from outside, as the workbench
 * draws it: line levels, the timeline of changes, inputs set like buttons.
 */
final class BoardEndpoints {
    private final Agent agent;

    BoardEndpoints(Agent agent) {
        this.agent = agent;
    }

    /** Any agent answers, so clients can review grants against it; only a simulated board lists lines. */
    void board(ApiExchange exchange) throws IOException {
        var sorted = new TreeMap<GpioLine, Level>(Comparator.comparing(GpioLine::chip).thenComparingInt(GpioLine::line));
        agent.gpio().simulatedBoard().ifPresent(simulated -> sorted.putAll(simulated.levels()));
        var lines = sorted.entrySet().stream()
                .map(e -> new BoardInfo.BoardLine(e.getKey().chip(), e.getKey().line(), e.getKey().toString(), e.getValue().yaml()))
                .toList();
        exchange.json(200, new BoardInfo(agent.gpio().backendName(), lines, serialPorts()));
    }

    /** The ports sysfs lists, those containers hold (a pty, say) and the console, each with its holder. */
    private List<BoardInfo.SerialPort> serialPorts() {
        var heldBy = new TreeMap<String, String>();
        LocalSerialPorts.list().forEach(device -> heldBy.put(device, null));
        heldBy.putAll(agent.peripherals().serialHolders());
        agent.config().console().ifPresent(console -> heldBy.put(LocalSerialPorts.device(console.device()), BoardInfo.CONSOLE));
        return heldBy.entrySet().stream().map(e -> new BoardInfo.SerialPort(e.getKey(), e.getValue())).toList();
    }

    void timeline(ApiExchange exchange) throws IOException {
        exchange.json(200, board().timeline().stream()
                .map(c -> new PinChangeInfo(c.at().toNanos() / 1e6, c.line().chip(), c.line().line(), c.line().toString(),
                        c.level().yaml()))
                .toList());
    }

    /** Sets what a header line reads: {@code GPIO27}, {@code 27} or {@code PIN13}. */
    void drive(ApiExchange exchange) throws IOException {
        SimulatedBoard board = board();
        int line;
        try {
            line = BoardProfile.headerLine(exchange.param("line"));
        } catch (IllegalArgumentException e) {
            throw new ApiException(400, e.getMessage());
        }
        String level = exchange.body(LineLevel.class).level();
        Level value = Level.HIGH.yaml().equals(level) ? Level.HIGH : Level.LOW.yaml().equals(level) ? Level.LOW : null;
        if (value == null) {
            throw new ApiException(400, "level '" + level + "' is not one of low, high");
        }
        board.drive(new GpioLine(GpioGrant.DEFAULT_CHIP, line), value);
        exchange.noContent();
    }

    private SimulatedBoard board() {
        return agent.gpio().simulatedBoard().orElseThrow(() -> new ApiException(409, "this agent's GPIO backend is "
                + agent.gpio().backendName() + "; only a simulated board (gpio: {backend: sim}) can be seen and driven through the API"));
    }
}
