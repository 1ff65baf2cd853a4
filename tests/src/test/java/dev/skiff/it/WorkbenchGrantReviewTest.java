package dev.skiff.it;

import static dev.skiff.workbench.WorkbenchFixture.await;
import static dev.skiff.workbench.WorkbenchFixture.onFx;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.skiff.workbench.WorkbenchFixture;
import dev.skiff.workbench.WorkbenchTest;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

/**
 * The Deploy view reviews an image's grants against what each device's agent offers: an agent with
 * the simulated board offers the LED's line, one without a GPIO backend is named plainly and Deploy
 * stays off while it is chosen; a serial port that is a device's provisioning console does the same.
 */
class WorkbenchGrantReviewTest extends WorkbenchTest {
    @Test
    void aDeviceWithoutGpioCannotBeDeployedAnAppThatNeedsIt(FxRobot robot) throws Exception {
        WorkbenchSteps steps = new WorkbenchSteps(robot, workbench);
        try (SocatPtyPair console = SocatPtyPair.start(dir);
                AgentProcess sim = AgentProcess.startWithSimulatedBoard(dir, dir.resolve("sim-data"), "pi-sim");
                AgentProcess plain = AgentProcess.startWithConsole(dir, dir.resolve("plain-data"), "pi-plain", console.a())) {
            steps.enroll(sim, "pi-sim");
            steps.enroll(plain, "pi-plain");
            steps.build(WorkbenchFixture.copyExample("blinky", dir));

            robot.clickOn("#tab-deploy");
            WorkbenchFixture.choose(robot, "#deploy-image", "blinky:1.0.0");
            WorkbenchFixture.clickText(robot, "pi-plain");
            awaitReview("pi-plain: linux/");
            assertTrue(review().contains("NO GPIO: this device's agent has no GPIO backend (gpio: none), but the image needs LED (GPIO17)."), review());
            assertTrue(deployDisabled(), "Deploy is off for a device without GPIO");

            WorkbenchFixture.clickText(robot, "pi-sim");
            awaitReview("pi-sim: linux/");
            assertTrue(review().contains("LED output on GPIO17: simulated board"), review());
            assertFalse(review().contains("pi-plain"), review());
            assertFalse(deployDisabled(), "Deploy is on for the device with the simulated board");

            // both chosen: the one that cannot run it keeps Deploy off
            robot.press(KeyCode.CONTROL);
            try {
                WorkbenchFixture.clickText(robot, "pi-plain");
            } finally {
                robot.release(KeyCode.CONTROL);
            }
            awaitReview("pi-plain: linux/");
            assertTrue(review().contains("pi-sim: linux/") && review().contains("NO GPIO"), review());
            assertTrue(deployDisabled(), "Deploy is off while a device without GPIO is chosen");

            // an app whose serial port is pi-plain's provisioning console
            Path gps = WorkbenchFixture.copyExample("uart-echo", dir);
            Files.writeString(gps.resolve("skiff.yaml"), Files.readString(gps.resolve("skiff.yaml")).replace("/dev/ttyAMA0", console.a()));
            steps.build(gps);
            robot.clickOn("#tab-deploy");
            WorkbenchFixture.choose(robot, "#deploy-image", "uart-echo:1.0.0");
            awaitReview("serial UART on " + console.a() + " at 115200 baud: NOT FREE: it is this device's provisioning console");
            assertTrue(review().contains("pi-sim: linux/"), review());
            assertTrue(review().contains("serial UART on " + console.a() + " at 115200 baud: not among the serial ports this device lists"), review());
            assertTrue(deployDisabled(), "Deploy is off while the device whose console the app wants is chosen");

            WorkbenchFixture.clickText(robot, "pi-sim");
            awaitReview("pi-sim: linux/");
            assertFalse(review().contains("pi-plain"), review());
            assertFalse(deployDisabled(), "a port pi-sim does not list is a warning: a pty opens all the same");
        }
    }

    private void awaitReview(String text) {
        await("the review to show '" + text + "'", () -> review().contains(text), this::review);
    }

    private String review() {
        return onFx(() -> workbench.root().lookup("#deploy-review") instanceof javafx.scene.control.TextArea area ? area.getText() : "");
    }

    private boolean deployDisabled() {
        return onFx(() -> workbench.root().lookup("#deploy").isDisabled());
    }
}
