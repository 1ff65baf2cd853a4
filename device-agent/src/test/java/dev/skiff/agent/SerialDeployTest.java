package dev.skiff.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.skiff.agent.deploy.DeployException;
import dev.skiff.agent.state.Release;
import dev.skiff.agent.state.ReleaseState;
import java.nio.file.Path;
import dev.skiff.image.oci.Reference;
import dev.skiff.protocols.manifest.GrantOverrides;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Serial grants on the agent: the device is opened at admission, so a missing one refuses the deploy, not the app later. */
class SerialDeployTest {
    @TempDir Path dir;

    @Test
    void aGrantedDeviceThatIsMissingRefusesTheDeployAndTheRunningReleaseStays() throws Exception {
        try (Agent agent = TestAgents.open(dir.resolve("data"), 256L << 20)) {
            Release v1 = TestAgents.deploySleeper(agent, dir, "echo", "1.0.0", "300ms", "16M");
            Path v2App = TestAgents.app(dir, "uart-echo", "echo", "2.0.0",
                    "resources:\n  memory: 16M\ncapabilities:\n  serial:\n    UART: {device: /dev/ttyNOPE9, baud: 9600}\n");
            Release v2 = agent.deploy("echo", TestAgents.build(agent, v2App));

            assertEquals(ReleaseState.REFUSED, v2.state());
            assertTrue(v2.detail().contains("cannot open serial port UART (/dev/ttyNOPE9)"), v2.detail());
            assertEquals(List.of("echo/r" + v1.id()), TestAgents.running(agent));
        }
    }

    @Test
    void aDeployBindsAPortToAnotherDeviceAndTheReleaseKeepsIt() throws Exception {
        try (Agent agent = TestAgents.open(dir.resolve("data"), 256L << 20)) {
            Path app = TestAgents.app(dir, "uart-echo", "echo", "1.0.0",
                    "resources:\n  memory: 16M\ncapabilities:\n  serial:\n    UART: {device: /dev/ttyAMA0, baud: 9600}\n");
            Release r = agent.deploy("echo", TestAgents.build(agent, app), new GrantOverrides(Map.of(), Map.of("UART", "/dev/ttyNOPE7")));

            assertTrue(r.detail().contains("cannot open serial port UART (/dev/ttyNOPE7)"), r.detail());
            assertTrue(r.manifestJson().contains("\"UART\":{\"device\":\"/dev/ttyNOPE7\",\"baud\":9600"), r.manifestJson());
        }
    }

    @Test
    void bindingAPortTheAppIsNotGrantedRefusesTheDeploy() throws Exception {
        try (Agent agent = TestAgents.open(dir.resolve("data"), 256L << 20)) {
            Path app = TestAgents.app(dir, "uart-echo", "echo", "1.0.0",
                    "resources:\n  memory: 16M\ncapabilities:\n  serial:\n    UART: {device: /dev/ttyAMA0}\n");
            Reference image = TestAgents.build(agent, app);
            var e = assertThrows(DeployException.class, () -> agent.deploy("echo", image, new GrantOverrides(Map.of(), Map.of("GPS", "/dev/ttyUSB0"))));
            assertEquals("cannot deploy echo: serial port GPS is not granted; the app's skiff.yaml grants UART", e.getMessage());
        }
    }

    @Test
    void anAppImportingSerialWithoutAGrantIsRefusedNamingTheGrant() throws Exception {
        try (Agent agent = TestAgents.open(dir.resolve("data"), 256L << 20)) {
            Path app = TestAgents.app(dir, "uart-echo", "echo", "1.0.0", "resources:\n  memory: 16M\n");
            Release r = agent.deploy("echo", TestAgents.build(agent, app));

            assertEquals(ReleaseState.REFUSED, r.state());
            assertTrue(r.detail().contains("skiff:serial/port@0.1.0.open, but the app has no serial grant; add capabilities.serial.NAME"),
                    r.detail());
        }
    }
}
