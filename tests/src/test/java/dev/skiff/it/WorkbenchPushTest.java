package dev.skiff.it;

import static dev.skiff.workbench.WorkbenchFixture.await;
import static dev.skiff.workbench.WorkbenchFixture.onFx;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.skiff.workbench.WorkbenchFixture;
import dev.skiff.workbench.WorkbenchTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javafx.scene.control.TabPane;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

/**
 * Acceptance 4 of the workbench: while it pushes a big image to a real registry, the window keeps
 * answering: a click on another tab is handled before the push ends.
 */
class WorkbenchPushTest extends WorkbenchTest {
    /** Random bytes do not compress: the layer crosses the wire whole, which takes seconds here. */
    private static final int LAYER_BYTES = 160 << 20;

    @Test
    void clicksAreHandledWhileAPushRuns(FxRobot robot) throws Exception {
        WasmImage.store(home, "big:1", LAYER_BYTES);
        try (RegistryServer registry = RegistryServer.start(dir.resolve("registry"))) {
            robot.clickOn("#tab-images");
            robot.clickOn("#refresh-images");
            await("big:1 in the image list", () -> robot.lookup("#images").queryTableView().getItems().size() == 1,
                    () -> workbench.context().messages().text());
            WorkbenchFixture.clickText(robot, "big:1");
            robot.clickOn("#images-push-to").write(registry.address() + "/big:1");

            // What the push was doing when the FX thread handled the click on another tab.
            List<Boolean> pushingWhenClicked = new CopyOnWriteArrayList<>();
            TabPane tabs = robot.lookup(".tab-pane").queryAs(TabPane.class);
            robot.interact(() -> tabs.getSelectionModel().selectedItemProperty().addListener(
                    (obs, old, tab) -> pushingWhenClicked.add(workbench.images().push().runningProperty().get())));

            robot.clickOn("#images-push");
            await("the push to start", () -> workbench.images().push().runningProperty().get(), () -> workbench.context().messages().text());
            robot.clickOn("#tab-devices");
            assertEquals("devices", onFx(workbench::selectedTab), "the click on the Devices tab was handled");
            assertEquals(List.of(true), pushingWhenClicked, "the click was handled while the push was still running");

            await("the push to end", () -> !workbench.images().push().runningProperty().get(), () -> workbench.context().messages().text());
            String message = onFx(() -> workbench.context().messages().text());
            assertTrue(message.startsWith("pushed " + registry.address() + "/big:1: uploaded "), message);
            HttpResponse<Void> manifest = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://" + registry.address() + "/v2/big/manifests/1"))
                    .header("Accept", "application/vnd.oci.image.index.v1+json").method("HEAD", HttpRequest.BodyPublishers.noBody()).build(),
                    HttpResponse.BodyHandlers.discarding());
            assertEquals(200, manifest.statusCode(), "the registry holds big:1");
        }
    }
}
