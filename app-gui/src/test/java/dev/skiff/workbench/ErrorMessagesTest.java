package dev.skiff.workbench;

import static dev.skiff.workbench.WorkbenchFixture.await;
import static dev.skiff.workbench.WorkbenchFixture.onFx;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.skiff.agent.enroll.EnrollmentToken;
import dev.skiff.agent.pki.Certificates;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

/** Failures end up in the message bar saying what went wrong and what to do, and change nothing. */
class ErrorMessagesTest extends WorkbenchTest {

    @Test
    void aFolderWithoutSkiffYamlSaysHowToMakeOneAndAModuleBecomesAnApp(FxRobot robot) throws Exception {
        Path bare = Files.createDirectories(dir.resolve("bare"));
        Path wasm = Files.copy(WorkbenchFixture.root().resolve("examples/hello/hello.wasm"), bare.resolve("hello.wasm"));
        robot.interact(() -> workbench.app().open(bare));
        assertError(bare + " has no skiff.yaml: open an app folder, or make one with 'New app from .wasm…'");
        assertTrue(robot.lookup("#build").queryButton().isDisabled());

        robot.interact(() -> workbench.app().createFrom(wasm));
        assertTrue(robot.lookup("#manifest-editor").queryTextInputControl().getText().contains("name: hello\n"));
        assertFalse(robot.lookup("#build").queryButton().isDisabled(), "the new skiff.yaml is valid");
    }

    @Test
    void signingWithoutAKeySaysHowToMakeOne(FxRobot robot) throws Exception {
        Path hello = WorkbenchFixture.copyExample("hello", dir);
        robot.interact(() -> workbench.app().open(hello));
        robot.clickOn("#build");
        await("the build", () -> workbench.app().builtProperty().get() != null, () -> workbench.context().messages().text());
        robot.clickOn("#sign");
        assertError("no signing key at " + home.resolve("keys/skiff.key")
                + ": press 'New key' to make one, or enter the path of your skiff.key");
    }

    @Test
    void enrollingADeviceThatDoesNotAnswerSaysWhatToCheck(FxRobot robot) throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        String address = "127.0.0.1:" + closedPort;
        robot.clickOn("#tab-devices");
        robot.clickOn("#enroll-address").write(address);
        robot.clickOn("#enroll-token").write(EnrollmentToken.generate(Certificates.newKeyPair().getPublic()).toString());
        robot.clickOn("#enroll-name").write("pi-9");
        robot.clickOn("#enroll");
        await("the enrollment to fail", () -> workbench.context().messages().showsError(), () -> workbench.context().messages().text());
        assertError("enroll pi-9 at " + address + ": cannot reach " + address + " (is skiff-agent running there?)");
        assertTrue(onFx(() -> workbench.devices().devices().isEmpty()));
        assertFalse(Files.exists(home.resolve("devices.json")), "a failed enrollment records no device");
    }

    private void assertError(String expected) {
        await("an error in the message bar", () -> workbench.context().messages().showsError(), () -> workbench.context().messages().text());
        assertEquals(expected, onFx(() -> workbench.context().messages().text()));
    }
}
