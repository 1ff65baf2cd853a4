package dev.skiff.agent.deploy;

import dev.skiff.agent.events.EventKind;
import dev.skiff.agent.events.EventLog;
import dev.skiff.agent.state.AppRecord;
import dev.skiff.agent.state.AppRepository;
import dev.skiff.agent.state.Release;
import dev.skiff.agent.state.ReleaseRepository;
import dev.skiff.agent.state.ReleaseState;
import dev.skiff.agent.state.RunRepository;
import dev.skiff.agent.state.StateDb;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Brings a starting agent in line with its database, whatever point the previous process died
 * at: runs it left open are closed, deployments it left unfinished are aborted (their release
 * never became current, so the previous one is what runs), and every app meant to run gets its
 * current release started. Exactly one version of each app runs afterwards.
 */
public final class Reconciler {
    private final StateDb db;
    private final AppRepository apps;
    private final ReleaseRepository releases;
    private final RunRepository runs;
    private final EventLog events;
    private final Deployer deployer;

    public Reconciler(StateDb db, EventLog events, Deployer deployer) {
        this.db = db;
        this.apps = new AppRepository(db);
        this.releases = new ReleaseRepository(db);
        this.runs = new RunRepository(db);
        this.events = events;
        this.deployer = deployer;
    }

    /** Returns the problems met (apps whose current release could not be started); empty when all is well. */
    public List<String> reconcile() {
        runs.closeOrphans(Instant.now());
        for (Release r : releases.inState(ReleaseState.DEPLOYING)) {
            db.inTransaction(() -> {
                releases.setState(r.id(), ReleaseState.ABORTED, "the agent stopped before this deploy finished");
                events.record(r.app(), r.id(), EventKind.DEPLOY_ABORTED,
                        "r" + r.id() + " aborted: the agent stopped before this deploy finished; the current release runs");
            });
        }
        List<String> problems = new ArrayList<>();
        for (AppRecord app : apps.list()) {
            if (app.running() && app.currentRelease().isPresent()) {
                try {
                    deployer.startRelease(releases.find(app.currentRelease().getAsLong()).orElseThrow());
                } catch (DeployException e) {
                    problems.add(e.getMessage());
                }
            }
        }
        return problems;
    }
}
