package dev.skiff.workbench.board;

import dev.skiff.protocols.manifest.CapabilityGrants;
import dev.skiff.protocols.manifest.GpioGrant;
import dev.skiff.protocols.manifest.GpioGrant.Level;
import dev.skiff.runtime.capability.gpio.GpioLine;
import dev.skiff.runtime.capability.gpio.PinChange;
import dev.skiff.runtime.capability.gpio.SimulatedBoard;
import java.util.HashMap;
import java.util.Map;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.shape.Circle;

/**
 * The simulated board's granted lines: an LED per output line (lit while high), a push button
 * per input line (high while pressed), each with its label and line.
 */
final class PinsPane extends FlowPane {
    private static final Color LIT = Color.web("#ff3b30");
    private static final Color DARK = Color.web("#4a4a4a");

    private final Map<GpioLine, Circle> leds = new HashMap<>();

    PinsPane() {
        super(16, 16);
        setId("pins");
        getChildren().add(new Label("Run an app to see its pins."));
    }

    /** Draws the lines of {@code grants} on {@code board}, replacing the previous run's. */
    void show(CapabilityGrants grants, SimulatedBoard board) {
        leds.clear();
        getChildren().clear();
        if (grants.gpio().isEmpty()) {
            getChildren().add(new Label("This app has no GPIO grants."));
        }
        grants.gpio().forEach((label, grant) -> {
            GpioLine line = GpioLine.of(grant);
            Label name = new Label(label + "\n" + line);
            switch (grant) {
                case GpioGrant.Output o -> {
                    Circle led = new Circle(14, DARK);
                    led.setId("led-" + label);
                    led.getStyleClass().add("led");
                    leds.put(line, led);
                    paint(led, board.level(line));
                    getChildren().add(new VBox(4, led, name));
                }
                case GpioGrant.Input i -> {
                    Button button = new Button("press");
                    button.setId("button-" + label);
                    button.setOnMousePressed(e -> board.drive(line, Level.HIGH));
                    button.setOnMouseReleased(e -> board.drive(line, Level.LOW));
                    getChildren().add(new VBox(4, button, name));
                }
            }
        });
    }

    void update(PinChange change) {
        Circle led = leds.get(change.line());
        if (led != null) {
            paint(led, change.level());
        }
    }

    private static void paint(Circle led, Level level) {
        led.setFill(level == Level.HIGH ? LIT : DARK);
        led.pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("lit"), level == Level.HIGH);
    }
}
