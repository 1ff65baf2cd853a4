package dev.skiff.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.skiff.agent.state.ContainerRun;
import dev.skiff.agent.state.Release;
import dev.skiff.agent.state.ReleaseState;
import dev.skiff.agent.supervisor.ContainerStatus;
import dev.skiff.runtime.ContainerState;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Restart policies with a crashing fixture: examples/hello exits with $EXIT_CODE at once. Its
 * health check is {@code running-for: 0s}, so every deploy commits and supervision takes over.
 */
class RestartPolicyTest {
    @TempDir Path dir;

    private Release deployHello(Agent agent, String policy, String exitCode, String backoff, String maxBackoff) throws Exception {
        Path app = TestAgents.app(dir, "hello", "crasher", "1.0.0",
                "env:\n  EXIT_CODE: \"" + exitCode + "\"\nresources:\n  memory: 16M\nrestart:\n  policy: " + policy
                        + "\n  backoff: " + backoff + "\n  max-backoff: " + maxBackoff + "\nhealth:\n  running-for: 0s\n");
        Release release = agent.deploy("crasher", TestAgents.build(agent, app));
        assertEquals(ReleaseState.ACTIVE, release.state(), String.valueOf(release.detail()));
        return release;
    }

    @Test
    void onFailureRestartsWithDoublingBackoffUpToTheCap() throws Exception {
        try (Agent agent = TestAgents.open(dir.resolve("data"), 256L << 20)) {
            Release release = deployHello(agent, "on-failure", "3", "200ms", "800ms");
            TestAgents.awaitTrue(Duration.ofSeconds(6), () -> agent.runs(release.id()).size() >= 5, "five runs");
            List<ContainerRun> runs = agent.runs(release.id()).subList(0, 5);
            long[] expected = {200, 400, 800, 800};
            for (int i = 0; i < expected.length; i++) {
                ContainerRun ended = runs.get(i);
                ContainerRun next = runs.get(i + 1);
                assertEquals(3, ended.exitCode());
                assertEquals(i + 1, next.restartCount());
                long gap = Duration.between(ended.endedAt(), next.startedAt()).toMillis();
                assertTrue(gap >= expected[i] - 5 && gap <= expected[i] + 400,
                        "restart " + (i + 1) + " came " + gap + " ms after the crash; expected about " + expected[i]);
            }
            ContainerStatus status = agent.ps().getFirst();
            assertTrue(status.restarts() >= 4, status.toString());
        }
    }

    @Test
    void onFailureLeavesACleanExitAlone() throws Exception {
        try (Agent agent = TestAgents.open(dir.resolve("data"), 256L << 20)) {
            Release release = deployHello(agent, "on-failure", "0", "100ms", "100ms");
            Thread.sleep(600);
            assertEquals(1, agent.runs(release.id()).size());
            assertEquals(new ContainerState.Exited(0), agent.ps().getFirst().state());
        }
    }

    @Test
    void alwaysRestartsEvenAfterACleanExit() throws Exception {
        try (Agent agent = TestAgents.open(dir.resolve("data"), 256L << 20)) {
            Release release = deployHello(agent, "always", "0", "100ms", "200ms");
            TestAgents.awaitTrue(Duration.ofSeconds(4), () -> agent.runs(release.id()).size() >= 4, "four runs");
            List<ContainerRun> runs = agent.runs(release.id());
            assertTrue(runs.stream().filter(r -> r.exitCode() != null).allMatch(r -> r.exitCode() == 0), runs.toString());
        }
    }

    @Test
    void noNeverRestartsAndKeepsTheExitCode() throws Exception {
        try (Agent agent = TestAgents.open(dir.resolve("data"), 256L << 20)) {
            Release release = deployHello(agent, "no", "3", "100ms", "100ms");
            Thread.sleep(600);
            List<ContainerRun> runs = agent.runs(release.id());
            assertEquals(1, runs.size());
            assertEquals(3, runs.getFirst().exitCode());
            ContainerStatus status = agent.ps().getFirst();
            assertEquals(new ContainerState.Exited(3), status.state());
            assertEquals(0, status.restarts());
        }
    }
}
