package dev.skiff.workbench.rollouts;

import static dev.skiff.workbench.WorkbenchFixture.await;
import static dev.skiff.workbench.WorkbenchFixture.onFx;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.skiff.fleet.DeviceStep;
import dev.skiff.fleet.FleetSettings;
import dev.skiff.fleet.RolloutDevice;
import dev.skiff.fleet.RolloutSpec;
import dev.skiff.fleet.RolloutState;
import dev.skiff.fleet.RolloutStore;
import dev.skiff.fleet.Selector;
import dev.skiff.fleet.WavePlan;
import dev.skiff.workbench.WorkbenchFixture;
import dev.skiff.workbench.WorkbenchTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

/** A rollout in the operator's store shows with its wave progress and devices; Pause pauses it as skiff fleet pause does. */
class RolloutsViewTest extends WorkbenchTest {
    private static final String IMAGE = "localhost:5000/blinky@sha256:" + "a".repeat(64);

    private Path database() {
        return FleetSettings.resolve(home, null).database();
    }

    @Test
    void aHomeThatNeverRolledOutGetsNoFleetDatabase() throws Exception {
        onFx(() -> workbench.rollouts().refresh()).get(30, TimeUnit.SECONDS);
        assertFalse(Files.exists(database()), "listing no rollouts created " + database());
        assertEquals(List.of(), onFx(() -> List.copyOf(workbench.rollouts().rollouts())));
    }

    @Test
    void showsWavesAndDevicesAndPauses(FxRobot robot) throws Exception {
        long id;
        try (RolloutStore store = RolloutStore.open(database())) {
            RolloutSpec spec = new RolloutSpec("blinky", IMAGE, Selector.parse("site=lab"), WavePlan.parse("1,100%"), 2, Duration.ofSeconds(30), 50);
            id = store.create(spec, List.of(new RolloutDevice("pi-1", 0, DeviceStep.WAITING, null, 0, 0, null),
                    new RolloutDevice("pi-2", 1, DeviceStep.WAITING, null, 0, 0, null),
                    new RolloutDevice("pi-3", 1, DeviceStep.WAITING, null, 0, 0, null))).id();
            store.setStep(id, "pi-1", DeviceStep.UPDATED, null);
            store.setStep(id, "pi-2", DeviceStep.FAILED, "unhealthy: exited 1");
        }
        onFx(() -> {
            workbench.show("rollouts");
            return null;
        });
        robot.clickOn("#rollouts-refresh");
        String line = "#" + id + " running  blinky  wave 2/2, 1/3 updated, 1 failed  -> " + IMAGE;
        await("the rollout to show", () -> workbench.rollouts().rollouts().stream().anyMatch(r -> r.line().equals(line)),
                () -> "it shows " + workbench.rollouts().rollouts().stream().map(RolloutProgress::line).toList());

        WorkbenchFixture.clickRollout(robot, id);
        await("its devices to show", () -> workbench.rollouts().devices().equals(
                List.of("pi-1  wave 1  updated", "pi-2  wave 2  failed: unhealthy: exited 1", "pi-3  wave 2  waiting")),
                () -> "they are " + workbench.rollouts().devices());

        robot.clickOn("#rollout-pause");
        await("the list to show it paused", () -> workbench.rollouts().rollouts().stream().anyMatch(r -> r.line().startsWith("#" + id + " paused")),
                () -> "it shows " + workbench.rollouts().rollouts().stream().map(RolloutProgress::line).toList()
                        + ", message: " + workbench.context().messages().text());
        try (RolloutStore store = RolloutStore.open(database())) {
            assertEquals(RolloutState.PAUSED, store.find(id).orElseThrow().state());
        }

        // resume drives the rollout, which needs the broker the devices report to
        onFx(() -> {
            workbench.show("rollouts");
            return null;
        });
        robot.clickOn("#rollout-resume");
        await("resume without a broker to say what to do", () -> workbench.context().messages().showsError()
                && workbench.context().messages().text().contains("no fleet broker: pass --broker"), () -> "message: " + workbench.context().messages().text());
        try (RolloutStore store = RolloutStore.open(database())) {
            assertEquals(RolloutState.PAUSED, store.find(id).orElseThrow().state());
        }
    }
}
