package dev.skiff.workbench.board;

import dev.skiff.protocols.manifest.SerialGrant;
import dev.skiff.runtime.capability.serial.SimulatedSerialPort;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;

/**
 * A console per granted serial port of the simulated board: what the guest wrote, and a field
 * whose line (with a newline) goes to the guest on Enter.
 */
final class SerialConsolesPane extends VBox {

    SerialConsolesPane() {
        super(6);
        setId("serial");
        getChildren().add(new Label("Run an app to see its serial ports."));
    }

    /**
     * Draws a console per port of {@code grants} on {@code ports}, replacing the previous run's.
     * Called off the FX thread before the guest starts, so no byte it writes comes before the
     * console listens; the nodes are made here and put in the scene on the FX thread.
     */
    void attach(Map<String, SerialGrant> grants, SimulatedSerialPort ports) {
        List<Node> nodes = new ArrayList<>();
        if (grants.isEmpty()) {
            nodes.add(new Label("This app has no serial grants."));
        }
        grants.forEach((label, grant) -> {
            SimulatedSerialPort.Console console = ports.console(grant.device());
            TextArea received = new TextArea();
            received.setId("serial-out-" + label);
            received.setEditable(false);
            received.setPrefRowCount(4);
            received.getStyleClass().add("code");
            SerialText text = new SerialText();
            console.addListener(bytes -> {
                String decoded = text.decode(bytes);
                Platform.runLater(() -> received.appendText(decoded));
            });
            TextField send = new TextField();
            send.setId("serial-in-" + label);
            send.setPromptText("type and press Enter to send to " + label);
            send.setOnAction(e -> {
                console.send(SerialText.encode(send.getText()));
                send.clear();
            });
            nodes.addAll(List.of(new Label("Serial " + label + " (" + grant.device() + ", " + grant.baud() + " baud)"), received, send));
        });
        Platform.runLater(() -> getChildren().setAll(nodes));
    }
}
