package dev.skiff.it;

import static dev.skiff.workbench.WorkbenchFixture.await;
import static dev.skiff.workbench.WorkbenchFixture.onFx;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.skiff.workbench.WorkbenchFixture;
import dev.skiff.workbench.WorkbenchTest;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

/**
 * Acceptance 2 of the workbench: enroll a real agent process in the Devices view, build an app,
 * deploy it in the Deploy view (pushed to the device, health-gated there), and see the app's
 * log lines in the Logs view.
 */
class WorkbenchDeployTest extends WorkbenchTest {
    @Test
    void enrollDeployAndFollowTheAppsLog(FxRobot robot) throws Exception {
        WorkbenchSteps steps = new WorkbenchSteps(robot, workbench);
        try (AgentProcess agent = AgentProcess.start(dir, dir.resolve("agent-data"), "pi-1")) {
            steps.enroll(agent, "pi-1");
            steps.build(WorkbenchFixture.copyExample("healthy", dir));
            String outcome = steps.deploy("healthy:1.0.0", "pi-1");
            assertTrue(outcome.startsWith("pi-1: healthy r1 ACTIVE — running "), outcome);

            steps.followLog("pi-1", "healthy", "tick");
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
