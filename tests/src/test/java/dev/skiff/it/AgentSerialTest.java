package dev.skiff.it;

import static dev.skiff.it.Skiff.ok;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.skiff.agent.client.AgentClient;
import dev.skiff.agent.client.DeviceRegistry;
import dev.skiff.agent.pki.FleetCa;
import dev.skiff.protocols.api.BoardInfo;
import dev.skiff.protocols.api.BoardInfo.SerialPort;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real agent process (with the simulated board too, so GPIO and serial are wired together)
 * runs examples/uart-echo deployed with {@code skiff deploy --serial UART=/dev/pts/N}: the jssc
 * backend on one end of a socat pty pair, the test on the other. A second release of the app
 * wants the same device, so it is deployed stop-first. {@code GET /v1/board} names who holds each
 * port: the running release, and the agent's provisioning console (on a second pty).
 */
class AgentSerialTest {
    @TempDir Path dir;

    @Test
    void uartEchoDeployedWithItsPortBoundToAPtyEchoesAndTheNextReleaseTakesTheDeviceOver() throws Exception {
        Path data = Files.createDirectories(dir.resolve("agent-data"));
        ok(new Skiff(data).run("build", "examples/uart-echo", "-t", "uart-echo:1"));
        Path home = Files.createDirectories(dir.resolve("home"));
        Skiff skiff = new Skiff(home);
        try (SocatPtyPair cable = SocatPtyPair.start(dir); PtyEnd test = new PtyEnd(cable.b()); SocatPtyPair console = SocatPtyPair.start(dir);
                AgentProcess agent = AgentProcess.startWithConfig(dir, data, "pi1", "gpio: {backend: sim}\nconsole: " + console.a() + "\n")) {
            ok(skiff.run("ca", "init"));
            ok(skiff.run("device", "enroll", agent.address(), "--token", agent.token(), "--name", "pi1"));
            ok(skiff.run("build", "examples/uart-echo", "-t", "uart-echo:1"));
            String bound = "UART=" + cable.a();
            assertTrue(ok(skiff.run("deploy", "uart-echo:1", "--device", "pi1", "--serial", bound)).stdout()
                    .contains("uart-echo r1 is running"));
            echoes(test, "through r1", "through r1");
            AgentClient client = AgentClient.connect(new DeviceRegistry(home.resolve("devices.json")).find("pi1"), FleetCa.open(home.resolve("ca")));
            List<SerialPort> ports = client.board().serial();
            assertTrue(ports.contains(new SerialPort(cable.a(), "uart-echo/r1")), ports.toString());
            assertTrue(ports.contains(new SerialPort(console.a(), BoardInfo.CONSOLE)), ports.toString());

            // r1 holds the device, so r2 would be refused beside it ("owned by container"): r1 is stopped first
            assertTrue(ok(skiff.run("deploy", "uart-echo:1", "--device", "pi1", "--serial", bound)).stdout()
                    .contains("uart-echo r2 is running"));
            echoes(test, "through r2", "through r1through r2");
            assertTrue(client.board().serial().contains(new SerialPort(cable.a(), "uart-echo/r2")), client.board().toString());
        }
    }

    /** Sends {@code text}; everything that came back so far must be {@code allEchoed}. */
    private static void echoes(PtyEnd test, String text, String allEchoed) throws Exception {
        test.write(text.getBytes(StandardCharsets.US_ASCII));
        byte[] expected = allEchoed.getBytes(StandardCharsets.US_ASCII);
        assertArrayEquals(expected, test.await(expected.length, Duration.ofSeconds(60)));
    }
}
