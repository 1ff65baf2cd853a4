package dev.skiff.workbench.board;

import static dev.skiff.workbench.WorkbenchFixture.await;
import static dev.skiff.workbench.WorkbenchFixture.onFx;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.skiff.agent.client.OperatorHome;
import dev.skiff.image.ImageInspector;
import dev.skiff.workbench.WorkbenchFixture;
import dev.skiff.workbench.WorkbenchTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javafx.scene.control.ListView;
import javafx.scene.control.TextArea;
import javafx.scene.input.KeyCode;
import javafx.scene.paint.Paint;
import javafx.scene.shape.Circle;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

/**
 * Acceptance 1: open examples/blinky, build, sign, run it on the simulated board: the LED in the
 * scene toggles. And examples/uart-echo's serial port gets a console that echoes what is typed.
 */
class BoardRunTest extends WorkbenchTest {
    @Test
    void blinkyBuiltAndSignedTogglesTheLedOnTheSimulatedBoard(FxRobot robot) throws Exception {
        Path blinky = WorkbenchFixture.copyExample("blinky", dir);
        robot.interact(() -> workbench.app().open(blinky));
        assertEquals("needs: LED output on GPIO17", robot.lookup("#capabilities").queryLabeled().getText());

        robot.clickOn("#build");
        await("the build", () -> workbench.app().builtProperty().get() != null, () -> workbench.context().messages().text());

        robot.clickOn("#new-key");
        Path key = home.resolve("keys/skiff.key");
        await("the new key", () -> workbench.context().messages().text().startsWith("new signing key"), () -> workbench.context().messages().text());
        assertTrue(Files.exists(key));
        robot.clickOn("#sign");
        await("the signature", () -> workbench.context().messages().text().startsWith("signed blinky:1.0.0"), () -> workbench.context().messages().text());
        List<ImageInspector.Summary> images = new ImageInspector(new OperatorHome(home).imageStore()).list();
        assertEquals(1, images.size(), "images: " + images);
        assertTrue(images.getFirst().signatures() >= 1, "the built image carries the signature: " + images);

        robot.clickOn("#tab-board");
        robot.clickOn("#run");
        await("the LED on the board", () -> robot.lookup("#led-LED").tryQuery().isPresent(), () -> workbench.context().messages().text());
        Circle led = robot.lookup("#led-LED").queryAs(Circle.class);
        List<Paint> fills = new CopyOnWriteArrayList<>();
        robot.interact(() -> {
            fills.add(led.getFill());
            led.fillProperty().addListener((obs, old, fill) -> fills.add(fill));
        });
        // blinky toggles every 200 ms, 10 times: on then off is two changes of the node's fill.
        await("the LED to toggle twice", () -> fills.size() >= 3, () -> "fills seen: " + fills);
        assertTrue(!fills.get(1).equals(fills.get(2)), "the LED went on and off: " + fills);

        ListView<?> timeline = robot.lookup("#timeline").queryListView();
        await("the pin timeline", () -> timeline.getItems().stream().anyMatch(l -> l.toString().contains("GPIO17 LED -> high")),
                () -> "timeline: " + timeline.getItems());
        TextArea stdout = robot.lookup("#stdout").queryAs(TextArea.class);
        await("blinky's stdout", () -> stdout.getText().contains("blinky: LED toggles every 200 ms"), stdout::getText);
        await("blinky's end", () -> workbench.board().runningProperty().get() == null, () -> workbench.context().messages().text());
        assertTrue(onFx(() -> robot.lookup("#run-status").queryLabeled().getText()).endsWith("exited with code 0"),
                onFx(() -> robot.lookup("#run-status").queryLabeled().getText()));
    }

    @Test
    void uartEchoEchoesWhatIsTypedInItsSerialConsole(FxRobot robot) throws Exception {
        Path uartEcho = WorkbenchFixture.copyExample("uart-echo", dir);
        robot.interact(() -> workbench.app().open(uartEcho));
        robot.clickOn("#tab-board");
        robot.clickOn("#run");
        await("the UART console", () -> robot.lookup("#serial-in-UART").tryQuery().isPresent(), () -> workbench.context().messages().text());
        await("uart-echo running", () -> workbench.board().runningProperty().get() != null, () -> workbench.context().messages().text());

        robot.clickOn("#serial-in-UART").write("hello skiff").type(KeyCode.ENTER);
        TextArea received = robot.lookup("#serial-out-UART").queryAs(TextArea.class);
        await("the echo in the console", () -> received.getText().equals("hello skiff\n"), received::getText);
        assertEquals("", onFx(() -> robot.lookup("#serial-in-UART").queryTextInputControl().getText()), "the field is cleared once sent");

        robot.clickOn("#stop");
        await("uart-echo stopped", () -> workbench.board().runningProperty().get() == null, () -> workbench.context().messages().text());
    }
}
