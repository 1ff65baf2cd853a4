package dev.skiff.it;

import static dev.skiff.it.Skiff.ok;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.skiff.agent.client.AgentClient;
import dev.skiff.agent.client.DeviceRegistry;
import dev.skiff.agent.pki.FleetCa;
import dev.skiff.protocols.api.PinChangeInfo;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real agent process with the simulated board as its GPIO backend: {@code skiff deploy} of
 * examples/blinky, and the LED seen toggling through the agent's API; then examples/button-led
 * with its LED moved to another line by {@code --grant}, its button driven through the API.
 */
class AgentGpioTest {
    @TempDir Path dir;

    @Test
    void blinkyDeployedToAnAgentTogglesTheLedSeenThroughTheApi() throws Exception {
        Path data = Files.createDirectories(dir.resolve("agent-data"));
        ok(new Skiff(data).run("build", "examples/blinky", "-t", "blinky:1"));
        ok(new Skiff(data).run("build", "examples/button-led", "-t", "button-led:1"));
        Path home = Files.createDirectories(dir.resolve("home"));
        Skiff skiff = new Skiff(home);
        try (AgentProcess agent = AgentProcess.startWithSimulatedBoard(dir, data, "pi1")) {
            ok(skiff.run("ca", "init"));
            ok(skiff.run("device", "enroll", agent.address(), "--token", agent.token(), "--name", "pi1"));
            ok(skiff.run("build", "examples/blinky", "-t", "blinky:1"));
            assertTrue(ok(skiff.run("deploy", "blinky:1", "--device", "pi1")).stdout().contains("blinky r1 is running"));
            AgentClient client = AgentClient.connect(new DeviceRegistry(home.resolve("devices.json")).find("pi1"),
                    FleetCa.open(home.resolve("ca")));

            List<PinChangeInfo> toggles = awaitChanges(client, "GPIO17", 4);
            for (int i = 1; i < toggles.size(); i++) {
                assertTrue(!toggles.get(i).level().equals(toggles.get(i - 1).level()), "the LED alternates: " + toggles);
            }
            // blinky's skiff.yaml toggles every 200 ms (blinky.c)
            double periodMs = (toggles.getLast().atMillis() - toggles.getFirst().atMillis()) / (toggles.size() - 1);
            assertTrue(periodMs > 120 && periodMs < 400, "blinky toggled every " + periodMs + " ms");

            client.stop("blinky"); // it owns the LED's line, which button-led is granted too
            ok(skiff.run("build", "examples/button-led", "-t", "button-led:1"));
            // its LED moved to GPIO22 by the operator: checked on the device like the app's own grant
            ok(skiff.run("deploy", "button-led:1", "--device", "pi1", "--grant", "LED=GPIO22"));
            client.drive("PIN13", "high"); // GPIO27, the button
            awaitLevel(client, "GPIO22", "high");
            client.drive("GPIO27", "low");
            awaitLevel(client, "GPIO22", "low");
        }
    }

    private static List<PinChangeInfo> awaitChanges(AgentClient client, String line, int count) throws Exception {
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (true) {
            List<PinChangeInfo> changes = client.boardTimeline().stream().filter(c -> c.name().equals(line)).toList();
            if (changes.size() >= count) {
                return changes;
            }
            assertTrue(System.nanoTime() < deadline, line + " changed only " + changes.size() + " times: " + changes);
            Thread.sleep(100);
        }
    }

    private static void awaitLevel(AgentClient client, String line, String level) throws Exception {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (client.board().lines().stream().noneMatch(l -> l.name().equals(line) && l.level().equals(level))) {
            assertTrue(System.nanoTime() < deadline, line + " did not go " + level + ": " + client.board());
            Thread.sleep(20);
        }
        assertEquals("sim", client.board().backend());
    }
}
