package dev.skiff.it;

import static dev.skiff.workbench.WorkbenchFixture.await;
import static dev.skiff.workbench.WorkbenchFixture.onFx;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.skiff.fleet.DeviceStep;
import dev.skiff.fleet.FleetSettings;
import dev.skiff.fleet.RolloutDevice;
import dev.skiff.fleet.RolloutSpec;
import dev.skiff.fleet.RolloutStore;
import dev.skiff.fleet.Selector;
import dev.skiff.fleet.WavePlan;
import dev.skiff.workbench.WorkbenchFixture;
import dev.skiff.workbench.WorkbenchTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import javafx.scene.paint.Color;
import javafx.scene.shape.Circle;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

/**
 * Every view with real content (an enrolled agent, a deployed app, blinky on the board), written
 * as PNGs to {@code workbench.screenshots} (target/screenshots; {@code scripts/screenshots} points
 * it at docs/screenshots for the README).
 */
class WorkbenchScreenshotsTest extends WorkbenchTest {
    private static final List<String> VIEWS = List.of("app", "board", "images", "devices", "deploy", "logs", "rollouts");

    @Test
    void screenshotOfEveryView(FxRobot robot) throws Exception {
        Path out = Path.of(System.getProperty("workbench.screenshots", "target/screenshots"));
        WorkbenchSteps steps = new WorkbenchSteps(robot, workbench);
        try (AgentProcess agent = AgentProcess.start(dir, dir.resolve("agent-data"), "pi-kitchen")) {
            steps.enroll(agent, "pi-kitchen");
            steps.build(WorkbenchFixture.copyExample("healthy", dir));
            steps.deploy("healthy:1.0.0", "pi-kitchen");
            steps.followLog("pi-kitchen", "healthy", "tick");
            robot.clickOn("#refresh-devices");
            await("the device list to show the running app", () -> workbench.devices().devices().stream().anyMatch(d -> d.running() == 1),
                    () -> workbench.devices().devices().toString());

            Path blinky = WorkbenchFixture.copyExample("blinky", dir);
            Path manifest = blinky.resolve("skiff.yaml");
            Files.writeString(manifest, Files.readString(manifest).replace("args: [\"10\"]", "args: [\"0\"]")); // blink until stopped
            steps.build(blinky);
            robot.clickOn("#new-key");
            await("the new key", () -> steps.message().startsWith("new signing key"), steps::message);
            robot.clickOn("#sign");
            await("the signature", () -> steps.message().startsWith("signed blinky:1.0.0"), steps::message);
            robot.clickOn("#tab-images");
            WorkbenchFixture.clickText(robot, "blinky:1.0.0");
            await("the image's details", () -> robot.lookup("#image-details").queryTextInputControl().getText().contains("platform wasi/wasm"),
                    () -> robot.lookup("#image-details").queryTextInputControl().getText());

            showRollout(robot);

            robot.clickOn("#tab-board").clickOn("#run");
            await("the LED to light", () -> robot.lookup("#led-LED").tryQuery()
                    .map(led -> !((Circle) led).getFill().equals(Color.web("#4a4a4a"))).orElse(false), steps::message);
            for (String view : VIEWS) {
                WorkbenchFixture.screenshot(workbench, view, out.resolve(view + ".png"));
            }
            onFx(() -> {
                workbench.board().stop();
                return null;
            });
        }
        for (String view : VIEWS) {
            Path png = out.resolve(view + ".png");
            assertTrue(Files.size(png) > 10_000, png + " is a real picture, not an empty one");
        }
    }

    /** A rollout halfway through its second wave, recorded through the fleet library as a driver would leave it. */
    private void showRollout(FxRobot robot) throws Exception {
        try (RolloutStore store = RolloutStore.open(FleetSettings.resolve(home, null).database())) {
            RolloutSpec spec = new RolloutSpec("healthy", "localhost:5000/healthy@sha256:" + "5".repeat(64), Selector.parse("site=kitchen"),
                    WavePlan.parse("1,50%,100%"), 2, Duration.ofSeconds(60), 25);
            List<String> devices = List.of("pi-kitchen", "pi-hall", "pi-porch", "pi-garage");
            long id = store.create(spec, List.of(new RolloutDevice(devices.get(0), 0, DeviceStep.WAITING, null, 0, 0, null),
                    new RolloutDevice(devices.get(1), 1, DeviceStep.WAITING, null, 0, 0, null),
                    new RolloutDevice(devices.get(2), 2, DeviceStep.WAITING, null, 0, 0, null),
                    new RolloutDevice(devices.get(3), 2, DeviceStep.WAITING, null, 0, 0, null))).id();
            store.setStep(id, devices.get(0), DeviceStep.UPDATED, null);
            store.setStep(id, devices.get(1), DeviceStep.UPDATED, null);
            store.setStep(id, devices.get(2), DeviceStep.UPDATING, null);
        }
        robot.clickOn("#tab-rollouts").clickOn("#rollouts-refresh");
        await("the rollout", () -> workbench.rollouts().rollouts().size() == 1, () -> workbench.rollouts().rollouts().toString());
        robot.interact(() -> robot.lookup("#rollouts").queryListView().getSelectionModel().select(0));
        await("its devices", () -> workbench.rollouts().devices().size() == 4, () -> workbench.rollouts().devices().toString());
    }
}
