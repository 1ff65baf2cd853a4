package dev.skiff.it;

import static dev.skiff.workbench.WorkbenchFixture.await;
import static dev.skiff.workbench.WorkbenchFixture.onFx;

import dev.skiff.workbench.Workbench;
import dev.skiff.workbench.WorkbenchFixture;
import java.nio.file.Path;
import org.testfx.api.FxRobot;

/** What a developer does in the workbench, click by click, for the tests that drive it against real processes. */
record WorkbenchSteps(FxRobot robot, Workbench workbench) {

    /** Enrolls the agent in the Devices view and waits until the list shows it online. */
    void enroll(AgentProcess agent, String name) throws Exception {
        robot.clickOn("#tab-devices");
        type("#enroll-address", agent.address());
        type("#enroll-token", agent.token());
        type("#enroll-name", name);
        robot.clickOn("#enroll");
        await(name + " online in the device list",
                () -> workbench.devices().devices().stream().anyMatch(d -> d.device().name().equals(name) && d.online()),
                () -> message() + " / " + workbench.devices().devices());
    }

    /** Types into the field in place of what an earlier step left there. */
    private void type(String field, String text) {
        robot.interact(() -> robot.lookup(field).queryTextInputControl().clear());
        robot.clickOn(field).write(text);
    }

    /** Opens the app folder in the App view and builds it. */
    void build(Path app) {
        robot.interact(() -> workbench.app().open(app));
        robot.clickOn("#tab-app").clickOn("#build");
        await("the build of " + app, () -> workbench.app().builtProperty().get() != null, this::message);
    }

    /** Deploys the image to the device in the Deploy view; returns the outcome line. */
    String deploy(String image, String device) {
        robot.clickOn("#tab-deploy");
        int before = onFx(() -> workbench.deploy().results().size());
        WorkbenchFixture.choose(robot, "#deploy-image", image);
        WorkbenchFixture.clickText(robot, device);
        await("the review of " + device, () -> robot.lookup("#deploy-review").queryTextInputControl().getText().contains(device + ": linux/"),
                () -> robot.lookup("#deploy-review").queryTextInputControl().getText());
        robot.clickOn("#deploy");
        await("the deployment's outcome", () -> workbench.deploy().results().size() > before, this::message);
        return onFx(() -> workbench.deploy().results().getLast());
    }

    /** Follows the app's log in the Logs view until a few lines containing {@code text} arrived. */
    void followLog(String device, String app, String text) {
        robot.clickOn("#tab-logs");
        WorkbenchFixture.choose(robot, "#logs-device", device);
        robot.clickOn("#logs-app").write(app);
        robot.clickOn("#tail");
        await(app + "'s log lines", () -> workbench.logs().lines().stream().filter(l -> l.contains(text)).count() >= 3,
                () -> message() + " / " + workbench.logs().lines());
    }

    String message() {
        return onFx(() -> workbench.context().messages().text());
    }
}
