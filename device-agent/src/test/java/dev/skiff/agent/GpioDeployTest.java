package dev.skiff.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.skiff.agent.deploy.DeployException;
import dev.skiff.agent.events.Event;
import dev.skiff.agent.events.EventKind;
import dev.skiff.agent.state.Release;
import dev.skiff.agent.state.ReleaseState;
import dev.skiff.protocols.manifest.GpioGrant.Level;
import dev.skiff.protocols.manifest.GrantOverrides;
import dev.skiff.runtime.capability.gpio.GpioLine;
import dev.skiff.runtime.capability.gpio.SimulatedBoard;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** GPIO apps on an agent: linked from their grants, refused without a backend, replaced stop-first. */
class GpioDeployTest {
    static final GpioLine LED = new GpioLine("gpiochip0", 17);
    static final String GRANT = "capabilities:\n  gpio:\n    LED: {line: GPIO17, mode: output, shutdown: high}\n";

    @TempDir Path dir;

    Agent simulated() throws Exception {
        return Agent.open(AgentConfig.defaults(dir.resolve("data")).withMemoryBudget(256L << 20).withTrust(TestAgents.ALLOW_ALL)
                .withGpio(new GpioSettings(GpioSettings.Backend.SIM, Optional.empty())));
    }

    /** blinky toggling forever, healthy once it ran for {@code healthy}. */
    Path blinky(String version, String healthy) throws Exception {
        return TestAgents.app(dir, "blinky", "blinky", version,
                "args: [\"0\"]\nresources:\n  memory: 16M\nhealth:\n  running-for: " + healthy + "\n" + GRANT);
    }

    static long ledChanges(SimulatedBoard board) {
        return board.timeline().stream().filter(c -> c.line().equals(LED)).count();
    }

    @Test
    void aGpioAppRunsOnTheAgentsSimulatedBoard() throws Exception {
        try (Agent agent = simulated()) {
            SimulatedBoard board = agent.gpio().simulatedBoard().orElseThrow();
            Release release = agent.deploy("blinky", TestAgents.build(agent, blinky("1.0.0", "0s")));
            assertEquals(ReleaseState.ACTIVE, release.state(), release.detail());
            TestAgents.awaitTrue(Duration.ofSeconds(10), () -> ledChanges(board) >= 4, "blinky toggling the LED");
            agent.stopApp("blinky");
            assertEquals(Level.HIGH, board.level(LED), "the grant's shutdown level once stopped");
        }
    }

    @Test
    void aGrantOverrideMovesALabelToAnotherLineForEveryRestart() throws Exception {
        GpioLine gpio27 = new GpioLine("gpiochip0", 27);
        try (Agent agent = simulated()) {
            SimulatedBoard board = agent.gpio().simulatedBoard().orElseThrow();
            Release release = agent.deploy("blinky", TestAgents.build(agent, blinky("1.0.0", "0s")), new GrantOverrides(Map.of("LED", "PIN13"), Map.of()));
            assertEquals(ReleaseState.ACTIVE, release.state(), release.detail());
            TestAgents.awaitTrue(Duration.ofSeconds(10), () -> board.timeline().stream().filter(c -> c.line().equals(gpio27)).count() >= 2,
                    "blinky toggling GPIO27 (physical pin 13)");
            agent.stopApp("blinky");
            long before = board.timeline().size();
            agent.startApp("blinky");
            TestAgents.awaitTrue(Duration.ofSeconds(10), () -> board.timeline().stream().skip(before)
                    .anyMatch(c -> c.line().equals(gpio27)), "the restarted release on GPIO27 again");
            assertEquals(0, ledChanges(board), "GPIO17 was never touched");

            var e = assertThrows(DeployException.class, () -> agent.deploy("blinky",
                    TestAgents.build(agent, blinky("2.0.0", "0s")), new GrantOverrides(Map.of("LAMP", "GPIO5", "LED", "GPIO40"), Map.of())));
            assertEquals("cannot deploy blinky: --grant LAMP=GPIO5: the app grants no GPIO label LAMP; it grants LED;"
                    + " --grant LED=GPIO40: 'GPIO40' is not a header line: GPIO0 to GPIO27", e.getMessage());
            assertEquals(1, agent.history("blinky").size(), "a refused override records nothing");
        }
    }

    @Test
    void anAgentWithoutGpioRefusesGpioAppsNamingTheSetting() throws Exception {
        try (Agent agent = TestAgents.open(dir.resolve("data"), 256L << 20)) {
            Release release = agent.deploy("blinky", TestAgents.build(agent, blinky("1.0.0", "0s")));
            assertEquals(ReleaseState.REFUSED, release.state());
            assertTrue(release.detail().contains("this agent has no GPIO; set gpio: {backend: pi4j} (or sim)"), release.detail());
        }
    }

    @Test
    void aNewReleaseThatOwnsLinesReplacesTheOldStopFirstAndAFailedOneBringsItBack() throws Exception {
        try (Agent agent = simulated()) {
            SimulatedBoard board = agent.gpio().simulatedBoard().orElseThrow();
            Release v1 = agent.deploy("blinky", TestAgents.build(agent, blinky("1.0.0", "0s")));
            Release v2 = agent.deploy("blinky", TestAgents.build(agent, blinky("2.0.0", "300ms")));
            assertEquals(ReleaseState.ACTIVE, v2.state(), v2.detail());
            assertEquals(List.of("blinky/r" + v2.id()), TestAgents.running(agent));
            assertTrue(agent.events("blinky").stream().map(Event::message)
                    .anyMatch(m -> m.equals("r" + v1.id() + " stopped before r" + v2.id() + " starts: r" + v2.id() + " owns GPIO lines or serial devices")));

            // v3 exits at once though it must run for 2 s: v2 was stopped for it, and runs again
            Path v3App = TestAgents.app(dir, "blinky", "blinky", "3.0.0",
                    "args: [\"1\"]\nresources:\n  memory: 16M\nhealth:\n  running-for: 2s\n" + GRANT);
            Release v3 = agent.deploy("blinky", TestAgents.build(agent, v3App));
            assertEquals(ReleaseState.FAILED, v3.state());
            assertEquals(List.of("blinky/r" + v2.id()), TestAgents.running(agent));
            long before = ledChanges(board);
            TestAgents.awaitTrue(Duration.ofSeconds(10), () -> ledChanges(board) >= before + 2, "v2 toggling the LED again");

            Release back = agent.rollback("blinky");
            assertEquals(v1.id(), back.id());
            assertEquals(List.of("blinky/r" + v1.id()), TestAgents.running(agent));
            assertEquals(EventKind.ROLLBACK, agent.events("blinky").getLast().kind());
        }
    }
}
