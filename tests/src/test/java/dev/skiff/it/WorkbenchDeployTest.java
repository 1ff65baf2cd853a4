package dev.skiff.it;

import static dev.skiff.workbench.WorkbenchFixture.await;
import static dev.skiff.workbench.WorkbenchFixture.onFx;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.skiff.workbench.WorkbenchFixture;
import dev.skiff.workbench.WorkbenchTest;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

/**
 * Acceptance 2 of the workbench: enroll a real agent process in the Devices view, build an app,
 * deploy it in the Deploy view (pushed to the device, health-gated there; a sick version is
 * refused and the running one stays), and see the app's log lines in the Logs view.
 */
class WorkbenchDeployTest extends WorkbenchTest {
    @Test
    void enrollDeployAndFollowTheAppsLog(FxRobot robot) throws Exception {
        WorkbenchSteps steps = new WorkbenchSteps(robot, workbench);
        try (AgentProcess agent = AgentProcess.start(dir, dir.resolve("agent-data"), "pi-1")) {
            steps.enroll(agent, "pi-1");
            Path app = WorkbenchFixture.copyExample("healthy", dir);
            steps.build(app);
            String outcome = steps.deploy("healthy:1.0.0", "pi-1");
            assertTrue(outcome.startsWith("pi-1: healthy r1 ACTIVE — running "), outcome);

            // A version that is sick from its first tick fails the device's health gate; r1 keeps running.
            Path manifest = app.resolve("skiff.yaml");
            Files.writeString(manifest, Files.readString(manifest).replace("version: 1.0.0", "version: 1.0.1")
                    .replace("args: [\"100\"]", "args: [\"100\", \"0\"]"));
            steps.build(app);
            String refused = steps.deploy("healthy:1.0.1", "pi-1");
            assertTrue(refused.startsWith("pi-1: healthy r2 ") && refused.contains("health check failed: health() returned 1")
                    && refused.endsWith("the previous release keeps running"), refused);
            robot.clickOn("#tab-devices").clickOn("#refresh-devices");
            await("pi-1 to report r1 running", () -> workbench.devices().devices().stream().flatMap(d -> d.apps().stream())
                    .anyMatch(c -> c.name().equals("healthy/r1") && c.state().equals("running")), () -> workbench.devices().devices().toString());

            steps.followLog("pi-1", "healthy", "tick");
            int before = onFx(() -> workbench.logs().lines().size());
            await("new lines while following", () -> workbench.logs().lines().size() > before + 2,
                    () -> "lines: " + workbench.logs().lines());

            // Paused, the view holds what arrives (healthy ticks every 100 ms); unpaused, it shows it all.
            robot.clickOn("#pause");
            int paused = onFx(() -> workbench.logs().lines().size());
            Thread.sleep(2000);
            assertEquals(paused, onFx(() -> workbench.logs().lines().size()), "no line is added while paused");
            robot.clickOn("#pause");
            await("the held lines after unpausing", () -> workbench.logs().lines().size() > paused, () -> "lines: " + workbench.logs().lines());

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
