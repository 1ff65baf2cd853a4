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
import dev.skiff.protocols.manifest.ManifestJson;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
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

    /** Deploys v1 and builds v2 into the store; returns [v1 release id, v2 image]. */
    private Object[] v1RunningAndV2Delivered() throws Exception {
        try (Agent agent = TestAgents.open(data(), 256L << 20)) {
            Release v1 = agent.deploy("app", TestAgents.build(agent, TestAgents.sleeper(dir, "1.0.0", "200ms", "16M")));
            Digest v2 = TestAgents.build(agent, TestAgents.sleeper(dir, "2.0.0", "200ms", "16M"));
            return new Object[] {v1.id(), v2};
        }
    }

    @Test
    void aRestartedAgentRunsTheCurrentRelease() throws Exception {
        long v1 = (long) v1RunningAndV2Delivered()[0];
        try (Agent agent = TestAgents.open(data(), 256L << 20)) {
            assertEquals(List.of(), agent.start());
            assertEquals(List.of("app/r" + v1), TestAgents.running(agent));
        }
    }

    @Test
    void aDeployCutShortBeforeItsSwitchLeavesThePreviousReleaseRunning() throws Exception {
        Object[] setup = v1RunningAndV2Delivered();
        long v1 = (long) setup[0];
        long v2;
        try (StateDb db = StateDb.open(data().resolve("state.db"))) {
            // the dead process had recorded v2 and started its container, and was killed mid health check
            Release r = new ReleaseRepository(db).create("app", (Digest) setup[1], "{}", ReleaseState.DEPLOYING, null);
            new RunRepository(db).started(r.id(), "app", 0, Instant.now());
            v2 = r.id();
        }
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
        Object[] setup = v1RunningAndV2Delivered();
        long v1 = (long) setup[0];
        long v2;
        try (StateDb db = StateDb.open(data().resolve("state.db"))) {
            // the switch transaction committed; the process died before stopping v1
            ReleaseRepository releases = new ReleaseRepository(db);
            String manifest = ManifestJson.write(dev.skiff.protocols.manifest.ManifestParser.parse(releases.find(v1).orElseThrow().manifestJson(), "v1"));
            Release r = releases.create("app", (Digest) setup[1], manifest, ReleaseState.ACTIVE, null);
            db.inTransaction(() -> {
                releases.setState(v1, ReleaseState.RETIRED, null);
                new AppRepository(db).switchTo("app", r.id(), v1);
            });
            v2 = r.id();
        }
        try (Agent agent = TestAgents.open(data(), 256L << 20)) {
            agent.start();
            assertEquals(List.of("app/r" + v2), TestAgents.running(agent));
        }
    }
}
