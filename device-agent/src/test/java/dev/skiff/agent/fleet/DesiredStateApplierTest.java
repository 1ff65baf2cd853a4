package dev.skiff.agent.fleet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.skiff.agent.Agent;
import dev.skiff.agent.TestAgents;
import dev.skiff.image.oci.Reference;
import dev.skiff.protocols.fleet.DesiredApp;
import dev.skiff.protocols.fleet.DesiredState;
import dev.skiff.protocols.fleet.ReportedApp;
import dev.skiff.protocols.fleet.ReportedState;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The device's side of the convergence rule, on a real agent whose store already holds the
 * images (so nothing is pulled): each generation is acted on once, an app already running the
 * desired digest is not deployed again, a failed version is reported and not retried, absent
 * apps are removed, what was acted on survives a restart, and the operator's labels are reported.
 */
class DesiredStateApplierTest {
    @TempDir Path dir;

    private static DesiredState desire(long generation, String app, Reference image) {
        return new DesiredState(generation, Map.of(app, image == null ? DesiredApp.ABSENT : new DesiredApp(image.toString())));
    }

    @Test
    void actsOnEachGenerationOnceAndNeverDeploysTheRunningDigestAgain() throws Exception {
        Path data = dir.resolve("data");
        Reference v1;
        Reference sick;
        try (Agent agent = TestAgents.open(data, 256L << 20)) {
            v1 = TestAgents.build(agent, TestAgents.sleeper(dir, "1.0.0", "200ms", "16M"));
            sick = TestAgents.build(agent, TestAgents.app(dir, "hello", "sleeper", "2.0.0", "resources:\n  memory: 16M\nhealth:\n  running-for: 2s\n"));
            DesiredStateApplier applier = new DesiredStateApplier(agent);

            assertTrue(applier.apply(desire(1, "app", v1)));
            assertEquals(Optional.of(v1.digest()), DesiredStateApplier.runningDigest(agent, "app"));
            assertFalse(applier.apply(desire(1, "app", v1)), "the same generation again");
            assertTrue(applier.apply(desire(2, "app", v1)));
            assertEquals(1, agent.history("app").size(), "the running digest was deployed again");

            assertTrue(applier.apply(desire(3, "app", sick)));
            ReportedState reported = ReportedStates.of(agent, "pi-1", Map.of("site", "lab"), applier.applied());
            ReportedApp app = reported.app("app").orElseThrow();
            assertEquals(3, reported.generation());
            assertEquals(ReportedApp.Outcome.FAILED, app.outcome());
            assertTrue(app.detail().contains("before it had run for 2s"), app.detail());
            assertEquals(v1.digest().toString(), app.digest());
            assertEquals("1.0.0", app.version());
            assertEquals("running", app.health());
        }
        try (Agent agent = TestAgents.open(data, 256L << 20)) {
            agent.start();
            DesiredStateApplier applier = new DesiredStateApplier(agent);
            assertFalse(applier.apply(desire(3, "app", sick)), "a restarted agent retried a generation it acted on");
            assertEquals(2, agent.history("app").size());
            assertTrue(applier.apply(desire(4, "app", null)));
            assertTrue(agent.apps().isEmpty());
            assertEquals(ReportedApp.Outcome.CONVERGED, applier.applied().apps().get("app").outcome());

            // labels set by the operator after enrollment are reported over the configured ones
            assertTrue(applier.apply(new DesiredState(5, Map.of(), Map.of("ring", "canary"))));
            assertEquals(Map.of("site", "lab", "ring", "canary"),
                    ReportedStates.of(agent, "pi-1", Map.of("site", "lab", "ring", "odd"), applier.applied()).labels());
        }
    }
}
