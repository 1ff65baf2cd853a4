package dev.skiff.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.skiff.agent.events.Event;
import dev.skiff.agent.events.EventKind;
import dev.skiff.agent.state.Release;
import dev.skiff.agent.state.ReleaseState;
import dev.skiff.agent.supervisor.ContainerStatus;
import dev.skiff.image.oci.Reference;
import dev.skiff.runtime.ContainerState;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DeployTest {
    @TempDir Path dir;

    @Test
    void aV2ThatFailsItsHealthCheckIsRolledBackToV1() throws Exception {
        try (Agent agent = TestAgents.open(dir.resolve("data"), 256L << 20)) {
            Release v1 = TestAgents.deploySleeper(agent, dir, "app", "1.0.0", "500ms", "16M");
            assertEquals(ReleaseState.ACTIVE, v1.state());
            // v2 exits at once although it has to keep running for 2 s
            Path v2App = TestAgents.app(dir, "hello", "sleeper", "2.0.0", "resources:\n  memory: 16M\nhealth:\n  running-for: 2s\n");
            Release v2 = agent.deploy("app", TestAgents.build(agent, v2App));

            assertEquals(ReleaseState.FAILED, v2.state());
            assertTrue(v2.detail().contains("exited with code 0 before it had run for 2s"), v2.detail());
            assertEquals(List.of("app/r" + v1.id()), TestAgents.running(agent));
            List<Release> history = agent.history("app");
            assertEquals(List.of(v2.id(), v1.id()), history.stream().map(Release::id).toList());
            assertEquals(List.of(ReleaseState.FAILED, ReleaseState.ACTIVE), history.stream().map(Release::state).toList());
            Event rolledBack = agent.events("app").getLast();
            assertEquals(EventKind.DEPLOY_ROLLED_BACK, rolledBack.kind());
            assertTrue(rolledBack.message().contains("r" + v1.id() + " keeps running"), rolledBack.message());
        }
    }

    @Test
    void aHealthyV2ReplacesV1AndRollbackSwitchesBack() throws Exception {
        try (Agent agent = TestAgents.open(dir.resolve("data"), 256L << 20)) {
            Release v1 = TestAgents.deploySleeper(agent, dir, "app", "1.0.0", "300ms", "16M");
            Release v2 = TestAgents.deploySleeper(agent, dir, "app", "2.0.0", "300ms", "16M");
            assertEquals(ReleaseState.ACTIVE, v2.state());
            assertEquals(List.of("app/r" + v2.id()), TestAgents.running(agent));
            assertEquals(ReleaseState.RETIRED, agent.history("app").getLast().state());

            Release back = agent.rollback("app");
            assertEquals(v1.id(), back.id());
            assertEquals(ReleaseState.ACTIVE, back.state());
            assertEquals(List.of("app/r" + v1.id()), TestAgents.running(agent));
            assertEquals(ReleaseState.ROLLED_BACK, agent.history("app").getFirst().state());
            assertEquals(v2.id(), agent.apps().getFirst().previousRelease().getAsLong());
        }
    }

    @Test
    void aDeployOverTheMemoryBudgetIsRefusedWithTheNumbersAndV1RunsOn() throws Exception {
        try (Agent agent = TestAgents.open(dir.resolve("data"), 48L << 20)) {
            Release v1 = TestAgents.deploySleeper(agent, dir, "app", "1.0.0", "200ms", "16M");
            ContainerStatus before = agent.ps().getFirst();
            Release refused = TestAgents.deploySleeper(agent, dir, "app", "2.0.0", "200ms", "40M");

            assertTrue(refused.detail().contains("needs 40 MiB of memory, but only 32 MiB of the agent's budget of 48 MiB is free"),
                    refused.detail());
            assertTrue(refused.detail().contains("app/r" + v1.id() + " 16 MiB"), refused.detail());
            assertEquals(ReleaseState.REFUSED, refused.state());
            ContainerStatus after = agent.ps().getFirst();
            assertEquals(List.of(before.name(), new ContainerState.Running(), 0), List.of(after.name(), after.state(), after.restarts()));
            assertEquals(List.of(ReleaseState.REFUSED, ReleaseState.ACTIVE), agent.history("app").stream().map(Release::state).toList());
        }
    }

    @Test
    void anExportHealthCheckPassesOnZeroAndRollsBackOnAnythingElse() throws Exception {
        try (Agent agent = TestAgents.open(dir.resolve("data"), 256L << 20)) {
            String health = "health:\n  export: health\n  interval: 100ms\n";
            Release v1 = agent.deploy("app", TestAgents.build(agent, TestAgents.app(dir, "healthy", "app", "1.0.0", "args: [\"50\"]\n" + health)));
            assertEquals(ReleaseState.ACTIVE, v1.state(), v1.detail());

            // v2's health export answers 1 from the first tick on
            Release v2 = agent.deploy("app", TestAgents.build(agent, TestAgents.app(dir, "healthy", "app", "2.0.0", "args: [\"50\", \"0\"]\n" + health)));
            assertEquals(ReleaseState.FAILED, v2.state());
            assertTrue(v2.detail().contains("health() returned 1"), v2.detail());
            assertEquals(List.of("app/r" + v1.id()), TestAgents.running(agent));

            Release v3 = agent.deploy("app", TestAgents.build(agent, TestAgents.app(dir, "healthy", "app", "3.0.0",
                    "args: [\"50\"]\nhealth:\n  export: no_such_export\n")));
            assertEquals(ReleaseState.REFUSED, v3.state());
            assertTrue(v3.detail().contains("the module exports no function of that name"), v3.detail());
            assertEquals(List.of("app/r" + v1.id()), TestAgents.running(agent));
        }
    }

    @Test
    void stopStartAndRemoveAnApp() throws Exception {
        try (Agent agent = TestAgents.open(dir.resolve("data"), 256L << 20)) {
            Reference image = TestAgents.build(agent, TestAgents.sleeper(dir, "1.0.0", "200ms", "16M"));
            Release v1 = agent.deploy("app", image);
            agent.stopApp("app");
            assertTrue(TestAgents.running(agent).isEmpty());
            assertFalse(agent.apps().getFirst().running());
            agent.startApp("app");
            assertEquals(List.of("app/r" + v1.id()), TestAgents.running(agent));
            agent.removeApp("app");
            assertTrue(agent.ps().isEmpty());
            assertTrue(agent.apps().isEmpty());
            assertEquals(EventKind.APP_REMOVED, agent.events("app").getLast().kind());
        }
    }

    @Test
    void garbageCollectionKeepsTheCurrentAndPreviousReleasesOnly() throws Exception {
        try (Agent agent = TestAgents.open(dir.resolve("data"), 256L << 20)) {
            Reference[] images = new Reference[3];
            for (int i = 0; i < 3; i++) {
                images[i] = TestAgents.build(agent, TestAgents.sleeper(dir, (i + 1) + ".0.0", "0s", "16M"));
                assertEquals(ReleaseState.ACTIVE, agent.deploy("app", images[i]).state());
                for (var tagged : agent.content().images().list()) {
                    agent.content().images().untag(tagged.reference()); // only the releases hold the image now
                }
            }
            agent.collectGarbage(); // deploys collect too; this one sees v3 untagged as well
            var blobs = agent.content().images().blobs();
            assertFalse(blobs.has(images[0].digest()), "v1 is neither current nor previous");
            assertTrue(blobs.has(images[1].digest()) && blobs.has(images[2].digest()));
            assertEquals(ReleaseState.ACTIVE, agent.rollback("app").state());
        }
    }
}
