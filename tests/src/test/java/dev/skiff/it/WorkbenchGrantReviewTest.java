package dev.skiff.it;

import static dev.skiff.workbench.WorkbenchFixture.await;
import static dev.skiff.workbench.WorkbenchFixture.onFx;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.skiff.workbench.WorkbenchFixture;
import dev.skiff.workbench.WorkbenchTest;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

/**
 * The Deploy view reviews an image's GPIO grants against what each device's agent offers: an agent
 * with the simulated board offers the LED's line, one without a GPIO backend is named plainly and
 * Deploy stays off while it is chosen.
 */
class WorkbenchGrantReviewTest extends WorkbenchTest {
    @Test
    void aDeviceWithoutGpioCannotBeDeployedAnAppThatNeedsIt(FxRobot robot) throws Exception {
        WorkbenchSteps steps = new WorkbenchSteps(robot, workbench);
        try (AgentProcess sim = AgentProcess.startWithSimulatedBoard(dir, dir.resolve("sim-data"), "pi-sim");
                AgentProcess plain = AgentProcess.start(dir, dir.resolve("plain-data"), "pi-plain")) {
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
