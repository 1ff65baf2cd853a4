package dev.skiff.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.skiff.agent.events.EventKind;
import dev.skiff.agent.state.AppRepository;
import dev.skiff.agent.state.Release;
import dev.skiff.agent.state.ReleaseRepository;
import dev.skiff.agent.state.ReleaseState;
import dev.skiff.agent.state.RunRepository;
import dev.skiff.agent.state.StateDb;
import dev.skiff.image.oci.Digest;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An agent reopened over the same data dir runs exactly one version of each app, whatever point
 * the previous process stopped at. A crash is simulated by writing the database the way the dead
 * process would have left it.
 */
class ReconcileTest {
    @TempDir Path dir;

    private Path data() {
        return dir.resolve("data");
    }

    /** What the agent had before it died: v1 running, and v2's image delivered. */
    private record Setup(long v1, Digest v2Image) {}

    private Setup v1RunningAndV2Delivered() throws Exception {
        try (Agent agent = TestAgents.open(data(), 256L << 20)) {
            Release v1 = TestAgents.deploySleeper(agent, dir, "app", "1.0.0", "200ms", "16M");
            return new Setup(v1.id(), TestAgents.build(agent, TestAgents.sleeper(dir, "2.0.0", "200ms", "16M")).digest());
        }
    }

    /** Writes the database the way the dead process left it; returns what {@code write} returns. */
    private <T> T asLeftByADeadAgent(Function<StateDb, T> write) throws Exception {
        try (StateDb db = StateDb.open(data().resolve("state.db"))) {
            return write.apply(db);
        }
    }

    @Test
    void aRestartedAgentRunsTheCurrentRelease() throws Exception {
        long v1 = v1RunningAndV2Delivered().v1();
        try (Agent agent = TestAgents.open(data(), 256L << 20)) {
            assertEquals(List.of(), agent.start());
            assertEquals(List.of("app/r" + v1), TestAgents.running(agent));
        }
    }

    @Test
    void aDeployCutShortBeforeItsSwitchLeavesThePreviousReleaseRunning() throws Exception {
        Setup setup = v1RunningAndV2Delivered();
        long v1 = setup.v1();
        // the dead process had recorded v2 and started its container, and was killed mid health check
        long v2 = asLeftByADeadAgent(db -> {
            Release r = new ReleaseRepository(db).create("app", setup.v2Image(), "{}", ReleaseState.DEPLOYING, null);
            new RunRepository(db).started(r.id(), "app", 0, Instant.now());
            return r.id();
        });
        try (Agent agent = TestAgents.open(data(), 256L << 20)) {
            agent.start();
            assertEquals(List.of("app/r" + v1), TestAgents.running(agent));
            assertEquals(ReleaseState.ABORTED, agent.history("app").getFirst().state());
            assertEquals(EventKind.DEPLOY_ABORTED, agent.events("app").getLast().kind());
            agent.runs(v2).forEach(run -> assertEquals("lost: the agent stopped while it ran", run.endState()));
        }
    }

    @Test
    void aDeployCommittedBeforeTheOldContainerWasStoppedRunsOnlyTheNewRelease() throws Exception {
        Setup setup = v1RunningAndV2Delivered();
        long v1 = setup.v1();
        // the switch transaction committed; the process died before stopping v1
        long v2 = asLeftByADeadAgent(db -> {
            ReleaseRepository releases = new ReleaseRepository(db);
            String manifest = releases.find(v1).orElseThrow().manifestJson(); // v2 differs only in its version
            Release r = releases.create("app", setup.v2Image(), manifest, ReleaseState.ACTIVE, null);
            db.inTransaction(() -> {
                releases.setState(v1, ReleaseState.RETIRED, null);
                new AppRepository(db).switchTo("app", r.id(), v1);
            });
            return r.id();
        });
        try (Agent agent = TestAgents.open(data(), 256L << 20)) {
            agent.start();
            assertEquals(List.of("app/r" + v2), TestAgents.running(agent));
        }
    }
}
