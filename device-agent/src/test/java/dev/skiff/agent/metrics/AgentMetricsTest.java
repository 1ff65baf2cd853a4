package dev.skiff.agent.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.skiff.agent.Agent;
import dev.skiff.agent.TestAgents;
import dev.skiff.agent.state.ReleaseState;
import dev.skiff.runtime.Versions;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The scrape after real deploys: one that runs, one that crash-restarts, one refused, one that fails its health check. */
class AgentMetricsTest {
    private static final long BUDGET = 64L << 20;

    @TempDir Path dir;

    private static Map<String, String> app(String app, long release) {
        return Map.of("app", app, "release", Long.toString(release));
    }

    @Test
    void aFreshAgentListsEveryFamilyWithZeros() throws Exception {
        try (Agent agent = TestAgents.open(dir.resolve("data"), BUDGET)) {
            Exposition scrape = Exposition.parse(new AgentMetrics(agent).scrape());
            for (String state : AgentMetrics.STATES) {
                assertEquals(0, scrape.value("skiff_containers", Map.of("state", state)), state);
            }
            for (DeployOutcome outcome : DeployOutcome.values()) {
                assertEquals(0, scrape.value("skiff_deploys_total", Map.of("outcome", outcome.label())));
            }
            assertEquals(BUDGET, scrape.value("skiff_memory_budget_bytes", Map.of()));
            assertEquals(0, scrape.value("skiff_memory_reserved_bytes", Map.of()));
            assertEquals(1, scrape.value("skiff_agent_info", Map.of("version", Versions.skiff(), "engine", "chicory-" + Versions.chicory())));
            assertEquals("counter", scrape.types().get("skiff_deploys_total"));
            assertEquals("gauge", scrape.types().get("skiff_containers"));
        }
    }

    @Test
    void countsDeploysContainersAndRestarts() throws Exception {
        try (Agent agent = TestAgents.open(dir.resolve("data"), BUDGET)) {
            long sleeper = TestAgents.deploySleeper(agent, dir, "sleeper", "1", "0s", "8M").id();
            var crasher = agent.deploy("crasher", TestAgents.build(agent, TestAgents.app(dir, "hello", "crasher", "1",
                    "env:\n  EXIT_CODE: \"3\"\nresources:\n  memory: 4M\nrestart:\n  policy: on-failure\n  backoff: 50ms\n  max-backoff: 100ms\nhealth:\n  running-for: 0s\n")));
            assertEquals(ReleaseState.ACTIVE, crasher.state(), crasher.detail());
            assertEquals(ReleaseState.REFUSED, TestAgents.deploySleeper(agent, dir, "greedy", "2", "0s", "128M").state());
            var unhealthy = agent.deploy("quitter", TestAgents.build(agent, TestAgents.app(dir, "hello", "quitter", "1",
                    "resources:\n  memory: 4M\nhealth:\n  running-for: 2s\n")));
            assertEquals(ReleaseState.FAILED, unhealthy.state(), unhealthy.detail());
            TestAgents.awaitTrue(Duration.ofSeconds(5), () -> agent.ps().stream().anyMatch(c -> c.app().equals("crasher") && c.restarts() >= 3),
                    "three restarts of the crasher");

            Exposition scrape = Exposition.parse(new AgentMetrics(agent).scrape());
            assertEquals(1, scrape.value("skiff_deploys_total", Map.of("outcome", "refused")));
            assertEquals(1, scrape.value("skiff_deploys_total", Map.of("outcome", "failed")));
            assertEquals(2, scrape.value("skiff_deploys_total", Map.of("outcome", "active")));
            assertEquals(0, scrape.value("skiff_deploys_total", Map.of("outcome", "aborted")));
            assertTrue(scrape.value("skiff_container_restarts_total", app("crasher", crasher.id())) >= 3);
            assertEquals(0, scrape.value("skiff_container_restarts_total", app("sleeper", sleeper)));
            assertEquals(8 << 20, scrape.value("skiff_container_memory_limit_bytes", app("sleeper", sleeper)));
            assertTrue(scrape.value("skiff_container_cpu_seconds_total", app("crasher", crasher.id())) > 0);
            assertTrue(scrape.value("skiff_containers", Map.of("state", "running")) >= 1, "the sleeper runs");
            double listed = AgentMetrics.STATES.stream().mapToDouble(s -> scrape.value("skiff_containers", Map.of("state", s))).sum();
            assertEquals(2, listed, "sleeper and crasher, in whatever state the crasher is caught");
            assertEquals(agent.memoryReservedBytes(), scrape.value("skiff_memory_reserved_bytes", Map.of()));

            agent.removeApp("sleeper");
            Exposition afterRemove = Exposition.parse(new AgentMetrics(agent).scrape());
            assertEquals(2, afterRemove.value("skiff_deploys_total", Map.of("outcome", "active")), "a counter never goes down");
            assertEquals(1, afterRemove.samples("skiff_container_memory_limit_bytes").size());
        }
    }
}
