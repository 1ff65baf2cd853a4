package dev.skiff.agent.fleet;

import dev.skiff.agent.Agent;
import dev.skiff.agent.content.RegistryPull;
import dev.skiff.agent.deploy.DeployException;
import dev.skiff.agent.fleet.AppliedState.AppOutcome;
import dev.skiff.agent.state.Release;
import dev.skiff.agent.state.ReleaseState;
import dev.skiff.image.oci.Digest;
import dev.skiff.image.oci.ImageFormatException;
import dev.skiff.image.oci.Reference;
import dev.skiff.protocols.fleet.DesiredApp;
import dev.skiff.protocols.fleet.DesiredState;
import dev.skiff.protocols.fleet.ReportedApp.Outcome;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Brings the agent to a desired state through the agent's own deploy path: an app whose running
 * digest differs is pulled from its registry and deployed (trust policy, health gate, automatic
 * rollback); an app desired absent is removed; an app already running the desired digest is left
 * alone, so no device is updated twice for one change. Each generation is acted on once; its
 * labels are the ones the device reports from then on (over its configured ones).
 */
final class DesiredStateApplier {
    private final Agent agent;
    private final RegistryPull pulls;
    private final Path file;
    private AppliedState applied;

    DesiredStateApplier(Agent agent) throws IOException {
        this.agent = agent;
        this.pulls = new RegistryPull(agent.content(), agent.config().dataDir());
        this.file = agent.config().dataDir().resolve("fleet-applied.json");
        this.applied = AppliedState.load(file);
    }

    AppliedState applied() {
        return applied;
    }

    /** Acts on the desired state unless its generation was acted on already; returns whether it did. */
    boolean apply(DesiredState desired) throws InterruptedException, IOException {
        if (desired.generation() <= applied.generation()) {
            return false;
        }
        Map<String, AppOutcome> outcomes = new TreeMap<>();
        for (Map.Entry<String, DesiredApp> app : new TreeMap<>(desired.apps()).entrySet()) {
            outcomes.put(app.getKey(), applyApp(app.getKey(), app.getValue()));
        }
        AppliedState next = applied.with(desired.generation(), outcomes, desired.labels());
        next.save(file);
        applied = next;
        return true;
    }

    private AppOutcome applyApp(String app, DesiredApp wanted) throws InterruptedException {
        Optional<Digest> running = runningDigest(agent, app);
        try {
            if (!wanted.installed()) {
                if (agent.apps().stream().anyMatch(a -> a.name().equals(app))) {
                    agent.removeApp(app);
                }
                return new AppOutcome(Outcome.CONVERGED, null);
            }
            Reference image = Reference.parse(wanted.image());
            if (image.digest() == null) {
                return new AppOutcome(Outcome.FAILED, wanted.image() + " is not pinned to a digest; the operator must name REPO@sha256:…");
            }
            if (running.isPresent() && running.get().equals(image.digest())) {
                return new AppOutcome(Outcome.CONVERGED, null);
            }
            if (agent.content().images().resolve(image).isEmpty()) { // a rollback finds its image kept
                pulls.pull(image);
            }
            Release release = agent.deploy(app, image);
            return release.state() == ReleaseState.ACTIVE ? new AppOutcome(Outcome.CONVERGED, null)
                    : new AppOutcome(Outcome.FAILED, release.detail());
        } catch (DeployException | ImageFormatException | IllegalArgumentException e) {
            return new AppOutcome(Outcome.FAILED, e.getMessage());
        } catch (IOException e) {
            return new AppOutcome(Outcome.FAILED, "pulling " + wanted.image() + ": " + e.getMessage());
        }
    }

    /** The image digest of the app's current release, if it has one. */
    static Optional<Digest> runningDigest(Agent agent, String app) {
        return currentRelease(agent, app).map(Release::image);
    }

    static Optional<Release> currentRelease(Agent agent, String app) {
        return agent.apps().stream().filter(a -> a.name().equals(app)).findFirst()
                .flatMap(a -> a.currentRelease().isPresent() ? Optional.of(a.currentRelease().getAsLong()) : Optional.empty())
                .flatMap(id -> agent.history(app).stream().filter(r -> r.id() == id).findFirst());
    }
}
