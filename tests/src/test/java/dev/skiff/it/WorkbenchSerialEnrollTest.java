package dev.skiff.it;

import static dev.skiff.workbench.WorkbenchFixture.await;
import static dev.skiff.workbench.WorkbenchFixture.onFx;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.skiff.workbench.WorkbenchTest;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

/**
 * The Devices view enrolls a real agent over a serial line to its console (a socat pty pair), as
 * {@code skiff device provision --serial} does; the device then answers the workbench over mTLS.
 */
class WorkbenchSerialEnrollTest extends WorkbenchTest {
    @Test
    void enrollsAnAgentOverItsConsoleAndSeesItOnline(FxRobot robot) throws Exception {
        try (SocatPtyPair cable = SocatPtyPair.start(dir);
                AgentProcess agent = AgentProcess.startWithConsole(dir, dir.resolve("agent-data"), "pi-serial", cable.a())) {
            agent.awaitOutput("serial provisioning on " + cable.a());
            robot.clickOn("#tab-devices");
            robot.clickOn("#enroll-serial-device").write(cable.b());
            robot.clickOn("#enroll-serial-name").write("pi-serial");
            robot.clickOn("#enroll-serial");
            await("pi-serial online in the device list",
                    () -> workbench.devices().devices().stream().anyMatch(d -> d.device().name().equals("pi-serial") && d.online()),
                    () -> onFx(() -> workbench.context().messages().text()) + " / " + workbench.devices().devices());
            String message = onFx(() -> workbench.context().messages().text());
            assertTrue(message.startsWith("enrolled pi-serial at " + agent.address() + " over " + cable.b()), message);
            assertTrue(agent.output().contains("skiff-agent: enrolled over the console as pi-serial"), agent.output());
        }
    }
}
