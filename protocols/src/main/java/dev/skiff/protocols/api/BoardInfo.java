package dev.skiff.protocols.api;

import java.util.List;

/**
 * {@code GET /v1/board}: what the device offers apps' grants. Its GPIO backend ({@code none},
 * {@code sim}, {@code pi4j}) with, on the simulated board, every line that has a level; and its
 * serial ports.
 *
 * @param lines sorted by chip and line
 * @param serial sorted by device
 */
public record BoardInfo(String backend, List<BoardLine> lines, List<SerialPort> serial) {
    /** The agent's provisioning console in {@link SerialPort#heldBy}: no app can open it. */
    public static final String CONSOLE = "console";

    public BoardInfo {
        lines = List.copyOf(lines);
        serial = List.copyOf(serial);
    }

    /**
     * @param name {@code GPIO17} on the header chip, else {@code gpiochip1/5}
     * @param level {@code low} or {@code high}
     */
    public record BoardLine(String chip, int line, String name, String level) {}

    /**
     * A serial port found on the device, or held there.
     *
     * @param device e.g. {@code /dev/ttyAMA0}
     * @param heldBy the container holding it ({@code gps/r3}), {@link #CONSOLE}, or null when free
     */
    public record SerialPort(String device, String heldBy) {}
}
