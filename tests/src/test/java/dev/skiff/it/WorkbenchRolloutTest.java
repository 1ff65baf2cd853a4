package dev.skiff.it;

import static dev.skiff.workbench.WorkbenchFixture.await;
import static dev.skiff.workbench.WorkbenchFixture.onFx;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.skiff.fleet.sim.SimulatedDevice;
import dev.skiff.workbench.WorkbenchFixture;
import dev.skiff.workbench.WorkbenchTest;
import dev.skiff.workbench.rollouts.RolloutProgress;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

/**
 * The Rollouts view against a real rollout (Mosquitto, simulated devices): Pause in the view stops
 * the {@code skiff fleet rollout} process driving it; Resume in the view drives it to the end, and
 * the view shows every device updated.
 */
class WorkbenchRolloutTest extends WorkbenchTest {
    @Test
    void pauseStopsTheCliDriverAndResumeFinishesTheRollout(FxRobot robot) throws Exception {
        // the fleet's skiff home is the workbench's (dir/home)
        try (FleetFixture f = FleetFixture.start(dir, 12)) {
            f.installV1Everywhere();
            Path output = dir.resolve("rollout.out");
            Process cli = f.startRolloutOfV2ToWaveTwo(output);
            try {
                robot.clickOn("#tab-rollouts").clickOn("#rollouts-broker").write(f.broker.url());
                robot.clickOn("#rollouts-refresh");
                await("rollout 2 to show", () -> workbench.rollouts().rollouts().stream().anyMatch(r -> r.id() == 2), this::state);
                WorkbenchFixture.clickRollout(robot, 2);
                robot.clickOn("#rollout-pause");
                assertTrue(cli.waitFor(60, TimeUnit.SECONDS), "the CLI driver stops when the view pauses the rollout: " + FleetFixture.read(output));
            } finally {
                cli.destroyForcibly();
            }
            assertTrue(FleetFixture.read(output).contains("rollout 2 paused"), FleetFixture.read(output));
            await("the view to show it paused", () -> line(2).startsWith("#2 paused"), this::state);

            robot.clickOn("#rollout-resume");
            await("the resumed rollout to complete",
                    () -> line(2).startsWith("#2 completed (12 updated, 0 failed)  ticker  wave 4/4, 12/12 updated, 0 failed"), this::state);
            assertEquals(12, onFx(() -> workbench.rollouts().devices().stream().filter(d -> d.endsWith("  updated")).count()), state());
            for (SimulatedDevice d : f.fleet.devices()) {
                assertEquals(Optional.of(f.v2), FleetFixture.runningDigest(d));
                assertEquals(1, FleetFixture.deploysOf(d, f.v2), "a device deployed v2 more than once");
            }
        }
    }

    private String line(long id) {
        return workbench.rollouts().rollouts().stream().filter(r -> r.id() == id).map(RolloutProgress::line).findFirst().orElse("");
    }

    private String state() {
        return onFx(() -> workbench.rollouts().rollouts().stream().map(RolloutProgress::line).toList() + " " + workbench.rollouts().devices()
                + ", message: " + workbench.context().messages().text());
    }
}
