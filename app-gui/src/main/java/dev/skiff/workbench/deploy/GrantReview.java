package dev.skiff.workbench.deploy;

import dev.skiff.agent.GpioSettings;
import dev.skiff.protocols.api.BoardInfo;
import dev.skiff.protocols.manifest.CapabilityGrants;
import dev.skiff.protocols.manifest.GpioGrant;
import dev.skiff.protocols.manifest.SerialGrant;
import dev.skiff.runtime.capability.gpio.GpioLine;
import dev.skiff.workbench.app.CapabilityText;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What an image's grants meet on one device (its {@code GET /v1/board}), line by line and port by
 * port. A device that would refuse the app at admission is not deployable: it has no GPIO where
 * the app needs GPIO, or a port the app needs is the agent's console or held by another app.
 */
public record GrantReview(List<String> lines, boolean deployable) {
    public GrantReview {
        lines = List.copyOf(lines);
    }

    /**
     * @param device the device's name, for the remedies
     * @param app the app the image would be deployed as: its own running release gives its ports up to the new one
     */
    public static GrantReview of(String device, String app, CapabilityGrants asks, BoardInfo board) {
        List<String> lines = new ArrayList<>();
        boolean deployable = gpio(asks, board, lines);
        for (var entry : asks.serial().entrySet()) {
            deployable &= serial(device, app, entry.getKey(), entry.getValue(), board, lines);
        }
        return new GrantReview(lines, deployable);
    }

    private static boolean gpio(CapabilityGrants asks, BoardInfo board, List<String> lines) {
        if (asks.gpio().isEmpty()) {
            lines.add("GPIO: none needed (backend " + board.backend() + ")");
            return true;
        }
        if (board.backend().equals(GpioSettings.Backend.NONE.yaml())) {
            List<String> needed = asks.gpio().entrySet().stream().map(e -> e.getKey() + " (" + GpioLine.of(e.getValue()) + ")").toList();
            lines.add("NO GPIO: this device's agent has no GPIO backend (gpio: none), but the image needs " + String.join(", ", needed)
                    + ". Deploy is disabled for it: deselect it, or set gpio: {backend: sim} or {backend: pi4j} in its agent config and restart the agent.");
            return false;
        }
        Map<String, String> levels = new HashMap<>();
        board.lines().forEach(line -> levels.put(line.name(), line.level()));
        asks.gpio().forEach((label, grant) -> {
            String line = GpioLine.of(grant).toString();
            String level = levels.get(line);
            lines.add(label + " " + (grant instanceof GpioGrant.Output ? "output" : "input") + " on " + line + ": "
                    + (board.backend().equals(GpioSettings.Backend.SIM.yaml()) ? "simulated board" : board.backend() + " backend")
                    + (level == null ? "" : ", now " + level));
        });
        return true;
    }

    /**
     * A port the device does not list can still open (a pty, a symlink such as /dev/serial0), so
     * it is a warning; the agent refuses the deploy if the device cannot be opened.
     */
    private static boolean serial(String device, String app, String name, SerialGrant grant, BoardInfo board, List<String> lines) {
        String asked = "serial " + name + " on " + CapabilityText.serial(grant) + ": ";
        var port = board.serial().stream().filter(p -> p.device().equals(grant.device())).findFirst();
        if (port.isEmpty()) {
            List<String> listed = board.serial().stream().map(BoardInfo.SerialPort::device).toList();
            lines.add(asked + "not among the serial ports this device lists (" + (listed.isEmpty() ? "none" : String.join(", ", listed))
                    + "); the agent refuses the deploy if it cannot open " + grant.device());
            return true;
        }
        String heldBy = port.get().heldBy();
        if (heldBy == null) {
            lines.add(asked + "present, free");
            return true;
        }
        if (heldBy.equals(BoardInfo.CONSOLE)) {
            lines.add(asked + "NOT FREE: it is this device's provisioning console (console: in its agent config), which no app may open."
                    + " Deploy is disabled for it: deselect it, or move the console to another line and restart the agent.");
            return false;
        }
        String owner = heldBy.contains("/") ? heldBy.substring(0, heldBy.indexOf('/')) : heldBy;
        if (owner.equals(app)) {
            lines.add(asked + "held by " + heldBy + ", this app's running release, which the deploy stops first");
            return true;
        }
        lines.add(asked + "NOT FREE: held by container " + heldBy + ", and a port has one owner at a time."
                + " Deploy is disabled for it: deselect it, or stop that app first (skiff stop " + owner + " --device " + device + ").");
        return false;
    }
}
