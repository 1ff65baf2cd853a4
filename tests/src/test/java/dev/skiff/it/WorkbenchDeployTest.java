package dev.skiff.it;

import static dev.skiff.workbench.WorkbenchFixture.await;
import static dev.skiff.workbench.WorkbenchFixture.onFx;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.skiff.workbench.Workbench;
import dev.skiff.workbench.WorkbenchFixture;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * Acceptance 2 of the workbench: enroll a real agent process in the Devices view, build an app,
 * deploy it in the Deploy view (pushed to the device, health-gated there), and see the app's
 * log lines in the Logs view.
 */
@ExtendWith(ApplicationExtension.class)
class WorkbenchDeployTest {
    @TempDir Path dir;
    private Workbench workbench;

    @Start
    void start(Stage stage) throws Exception {
        workbench = WorkbenchFixture.show(stage, Files.createDirectories(dir.resolve("home")));
    }

    @AfterEach
    void close() {
        onFx(() -> {
            workbench.close();
            return null;
        });
    }

    @Test
    void enrollDeployAndFollowTheAppsLog(FxRobot robot) throws Exception {
        try (AgentProcess agent = AgentProcess.start(dir, dir.resolve("agent-data"), "pi-1")) {
            robot.clickOn("#tab-devices");
            robot.clickOn("#enroll-address").write(agent.address());
            robot.clickOn("#enroll-token").write(agent.token());
            robot.clickOn("#enroll-name").write("pi-1");
            robot.clickOn("#enroll");
            await("pi-1 online in the device list",
                    () -> workbench.devices().devices().stream().anyMatch(d -> d.device().name().equals("pi-1") && d.online()),
                    () -> workbench.context().messages().text() + " / " + workbench.devices().devices());

            Path healthy = WorkbenchFixture.copyExample("healthy", dir);
            robot.interact(() -> workbench.app().open(healthy));
            robot.clickOn("#tab-app").clickOn("#build");
            await("the build", () -> workbench.app().builtProperty().get() != null, () -> workbench.context().messages().text());

            robot.clickOn("#tab-deploy");
            robot.clickOn("#deploy-image");
            WorkbenchFixture.clickText(robot, "healthy:1.0.0");
            WorkbenchFixture.clickText(robot, "pi-1");
            await("the review of pi-1", () -> robot.lookup("#deploy-review").queryTextInputControl().getText().contains("pi-1: linux/"),
                    () -> robot.lookup("#deploy-review").queryTextInputControl().getText());
            robot.clickOn("#deploy");
            await("the deployment's outcome", () -> !workbench.deploy().results().isEmpty(),
                    () -> workbench.context().messages().text());
            String outcome = onFx(() -> workbench.deploy().results().getFirst());
            assertTrue(outcome.startsWith("pi-1: healthy r1 ACTIVE — running "), outcome);

            robot.clickOn("#tab-logs");
            robot.clickOn("#logs-device");
            WorkbenchFixture.clickText(robot, "pi-1");
            robot.clickOn("#logs-app").write("healthy");
            robot.clickOn("#tail");
            await("the app's log lines", () -> workbench.logs().lines().stream().filter(l -> l.contains("tick")).count() >= 3,
                    () -> workbench.context().messages().text() + " / " + workbench.logs().lines());
            int before = onFx(() -> workbench.logs().lines().size());
            await("new lines while following", () -> workbench.logs().lines().size() > before + 2,
                    () -> "lines: " + workbench.logs().lines());

            robot.clickOn("#logs-search").write("tick 2");
            // read together on the FX thread: lines keep arriving while following
            String counts = onFx(() -> workbench.logs().lines().stream().filter(l -> l.contains("tick 2")).count()
                    + " " + robot.lookup("#log-lines").queryListView().getItems().size());
            String[] matchingAndShown = counts.split(" ");
            assertEquals(matchingAndShown[0], matchingAndShown[1], "search shows exactly the lines that match");
            assertTrue(Long.parseLong(matchingAndShown[0]) >= 1, "some line contains 'tick 2'");
        }
    }
}
