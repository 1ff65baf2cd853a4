package dev.skiff.workbench.board;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.skiff.protocols.manifest.CapabilityGrants;
import dev.skiff.protocols.manifest.GpioGrant;
import dev.skiff.protocols.manifest.GpioGrant.Level;
import dev.skiff.runtime.capability.gpio.GpioLine;
import dev.skiff.runtime.capability.gpio.SimulatedBoard;
import java.util.Map;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.input.MouseButton;
import javafx.scene.paint.Paint;
import javafx.scene.shape.Circle;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The board's pins: a button drives its input line while pressed, an LED shows its output line. */
@ExtendWith(ApplicationExtension.class)
class PinsPaneTest {
    private static final GpioLine LED = new GpioLine(GpioGrant.DEFAULT_CHIP, 17);
    private static final GpioLine BUTTON = new GpioLine(GpioGrant.DEFAULT_CHIP, 27);

    private final SimulatedBoard board = new SimulatedBoard();
    private PinsPane pins;

    @Start
    void start(Stage stage) {
        pins = new PinsPane(); // a control: only once TestFX started the toolkit
        stage.setScene(new Scene(pins, 400, 200));
        stage.show();
    }

    @Test
    void buttonDrivesItsLineWhilePressedAndTheLedFollowsItsLine(FxRobot robot) {
        CapabilityGrants grants = new CapabilityGrants(Map.of(
                "LED", new GpioGrant.Output(GpioGrant.DEFAULT_CHIP, 17, Level.LOW, Level.LOW, 0),
                "BUTTON", new GpioGrant.Input(GpioGrant.DEFAULT_CHIP, 27, 0)));
        robot.interact(() -> pins.show(grants, board));
        board.addListener(change -> Platform.runLater(() -> pins.update(change)));

        robot.moveTo("#button-BUTTON").press(MouseButton.PRIMARY);
        assertEquals(Level.HIGH, board.level(BUTTON), "pressed, the button drives its line high");
        robot.release(MouseButton.PRIMARY);
        assertEquals(Level.LOW, board.level(BUTTON), "released, the line is low again");

        Circle led = robot.lookup("#led-LED").queryAs(Circle.class);
        Paint dark = led.getFill();
        board.write(LED, Level.HIGH);
        WaitForAsyncUtils.waitForFxEvents();
        assertNotEquals(dark, led.getFill(), "the LED lights when its line goes high");
        board.write(LED, Level.LOW);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(dark, led.getFill());
    }
}
