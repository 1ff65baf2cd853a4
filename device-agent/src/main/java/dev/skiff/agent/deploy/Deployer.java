package dev.skiff.agent.deploy;

import dev.skiff.agent.content.ContentStore;
import dev.skiff.agent.events.EventKind;
import dev.skiff.agent.events.EventLog;
import dev.skiff.agent.faults.FaultPoint;
import dev.skiff.agent.state.AppRecord;
import dev.skiff.agent.state.AppRepository;
import dev.skiff.agent.state.Release;
import dev.skiff.agent.state.ReleaseRepository;
import dev.skiff.agent.state.ReleaseState;
import dev.skiff.agent.state.StateDb;
import dev.skiff.agent.supervisor.ContainerTemplate;
import dev.skiff.agent.supervisor.SupervisedContainer;
import dev.skiff.agent.supervisor.Supervisor;
import dev.skiff.agent.trust.TrustGate;
import dev.skiff.agent.trust.TrustVerdict;
import dev.skiff.image.AppImage;
import dev.skiff.image.oci.Digest;
import dev.skiff.image.oci.Reference;
import dev.skiff.protocols.manifest.AppManifest;
import dev.skiff.protocols.manifest.GrantOverrides;
import dev.skiff.protocols.manifest.ManifestException;
import dev.skiff.protocols.manifest.ManifestJson;
import dev.skiff.protocols.manifest.ManifestParser;
import dev.skiff.runtime.AdmissionException;
import dev.skiff.runtime.Sandbox;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.function.ToIntFunction;
import java.util.regex.Pattern;

/**
 * Changes what runs: deploys with a health gate and automatic rollback, operator rollbacks, and
 * starting, stopping and removing apps. One change at a time, agent-wide.
 *
 * <p>Crash safety rests on one rule: the database's {@code apps.current_release} says what runs,
 * and it moves only in the transaction that commits a switch, after the new container has
 * started (and passed its health check) and before the old one is stopped. Whenever the agent
 * dies, the restarted agent runs exactly the current release (see {@link Reconciler}).
 *
 * <p>A release that owns GPIO lines or serial devices cannot run beside one that owns the same, so for it
 * the order is stop-first: the running release is stopped, then the new one started; if the new
 * one fails to start or fails its health check, the old one is started again. The price is a
 * gap with neither running (the new one's start and health check), and a rollback that starts
 * the old release afresh rather than switching back to a running one.
 */
public final class Deployer {
    private static final Pattern APP_NAME = Pattern.compile("[a-z0-9]([a-z0-9._-]{0,62}[a-z0-9])?");
    static final Duration STOP_GRACE = Duration.ofSeconds(5);

    private final StateDb db;
    private final AppRepository apps;
    private final ReleaseRepository releases;
    private final EventLog events;
    private final Supervisor supervisor;
    private final ReleaseLauncher launcher;
    private final TrustGate trust;
    private final ToIntFunction<String> header;

    /** @param header the device's header: a line name ({@code GPIO27}) to its line, for grant overrides */
    public Deployer(StateDb db, EventLog events, Supervisor supervisor, ContentStore content, Sandbox sandbox, Path volumes,
            TrustGate trust, ToIntFunction<String> header) {
        this.db = db;
        this.apps = new AppRepository(db);
        this.releases = new ReleaseRepository(db);
        this.events = events;
        this.supervisor = supervisor;
        this.launcher = new ReleaseLauncher(content, sandbox, volumes);
        this.trust = trust;
        this.header = header;
    }

    /**
     * Deploys the image (an index or manifest in the agent's store, named by the reference it was
     * delivered under) as the app's new release: checks it against the trust policy, starts it
     * beside the current one, waits for its health check, then switches over and stops the old
     * one. A release that is refused or fails its health check leaves the current one running
     * untouched. Returns the release with its outcome (state and detail).
     *
     * @throws DeployException when the image cannot be read at all (nothing is recorded)
     */
    public synchronized Release deploy(String app, Reference ref) throws DeployException, InterruptedException {
        return deploy(app, ref, GrantOverrides.NONE);
    }

    /**
     * {@link #deploy(String, Reference)} with the app's grants bound to this device's hardware
     * ({@link GrantOverrides}: GPIO labels remapped, serial ports on other devices); the release
     * records the bound manifest, and every later start (restart, rollback, reconcile) uses it.
     *
     * @throws DeployException also when an override names a label or port the app lacks or a line the board lacks
     */
    public synchronized Release deploy(String app, Reference ref, GrantOverrides overrides)
            throws DeployException, InterruptedException {
        checkName(app);
        Digest image;
        AppImage appImage;
        AppManifest manifest;
        try {
            image = launcher.digestOf(ref);
            appImage = launcher.image(image);
            AppManifest own = ReleaseLauncher.manifest(app, appImage);
            manifest = overrides.isEmpty() ? own : own.withCapabilities(overrides.apply(own.capabilities(), header));
        } catch (LaunchException | IllegalArgumentException e) {
            throw new DeployException("cannot deploy " + app + ": " + e.getMessage(), e);
        }
        Release release = db.transaction(() -> {
            apps.ensure(app);
            Release r = releases.create(app, image, ManifestJson.write(manifest), ReleaseState.DEPLOYING, null);
            events.record(app, r.id(), EventKind.DEPLOY_STARTED,
                    "deploying " + manifest.name() + " " + manifest.version() + " (" + ref.familiar() + ", " + image + ") as r" + r.id());
            return r;
        });
        FaultPoint.DEPLOY_RECORDED.reach();
        // pinned to the digest just read, so a tag moved meanwhile cannot swap what is verified
        TrustVerdict verdict = trust.check(ref.withDigest(image));
        switch (verdict.decision()) {
            case REFUSED -> {
                return refuse(release, verdict.message());
            }
            case VERIFIED -> events.record(app, release.id(), EventKind.IMAGE_VERIFIED, verdict.message());
            case WARNED -> events.record(app, release.id(), EventKind.TRUST_WARNING, verdict.message());
            case ALLOWED -> { } // the rule asks for no check, and no record of one
        }
        SupervisedContainer started;
        Optional<Release> stoppedFirst = Optional.empty();
        try {
            FaultPoint.COMPILING.reach();
            ContainerTemplate template = launcher.template(release, appImage, manifest);
            Optional<String> unusable = HealthGate.unusable(manifest.health(), template.module());
            if (unusable.isPresent()) {
                return refuse(release, unusable.get());
            }
            stoppedFirst = stopForLines(app, template);
            started = supervisor.start(template);
        } catch (AdmissionException | LaunchException e) {
            restart(stoppedFirst);
            return refuse(release, e.getMessage());
        }
        FaultPoint.STARTED.reach();
        Optional<String> unhealthy = HealthGate.await(started, manifest.health());
        if (unhealthy.isPresent()) {
            supervisor.stop(started, STOP_GRACE);
            restart(stoppedFirst);
            String kept = apps.find(app).flatMap(a -> a.currentRelease().stream().boxed().findFirst())
                    .map(id -> "; r" + id + " keeps running").orElse("; the app has no earlier release");
            db.inTransaction(() -> {
                releases.setState(release.id(), ReleaseState.FAILED, unhealthy.get());
                events.record(app, release.id(), EventKind.DEPLOY_ROLLED_BACK, "r" + release.id() + " rolled back: " + unhealthy.get() + kept);
            });
            return releases.find(release.id()).orElseThrow();
        }
        Optional<Long> old = switchTo(app, release.id(), ReleaseState.RETIRED, EventKind.DEPLOY_COMMITTED, "r" + release.id() + " is live");
        if (old.isPresent()) {
            stopRelease(app, old.get());
        }
        return releases.find(release.id()).orElseThrow();
    }

    /**
     * Switches the app back to its previous release: starts it, commits the switch, stops the
     * current one. The release rolled back from becomes the previous one, so a second rollback
     * undoes the first.
     *
     * @throws IllegalStateException when there is no previous release
     * @throws DeployException when the previous release cannot be started (the current one keeps running)
     */
    public synchronized Release rollback(String app) throws DeployException, InterruptedException {
        AppRecord record = apps.find(app).orElseThrow(() -> new IllegalArgumentException("no app named " + app));
        long target = record.previousRelease().orElseThrow(() -> new IllegalStateException(app + " has no previous release to roll back to"));
        if (record.running()) {
            Release release = releases.find(target).orElseThrow();
            ContainerTemplate template = template(release);
            Optional<Release> stoppedFirst = stopForLines(app, template);
            try {
                start(release, template);
            } catch (DeployException e) {
                restart(stoppedFirst);
                throw e;
            }
        }
        Optional<Long> left = switchTo(app, target, ReleaseState.ROLLED_BACK, EventKind.ROLLBACK, "rolled back to r" + target);
        if (left.isPresent()) {
            stopRelease(app, left.get());
        }
        return releases.find(target).orElseThrow();
    }

    /** Starts the app's current release again after a {@link #stop}. */
    public synchronized void start(String app) throws DeployException {
        AppRecord record = apps.find(app).orElseThrow(() -> new IllegalArgumentException("no app named " + app));
        db.inTransaction(() -> {
            apps.setRunning(app, true);
            events.record(app, null, EventKind.APP_STARTED, "started by the operator");
        });
        if (record.currentRelease().isPresent()) {
            long current = record.currentRelease().getAsLong();
            if (supervisor.find(app, current).filter(c -> !c.hasEnded()).isEmpty()) {
                startRelease(releases.find(current).orElseThrow());
            }
        }
    }

    /** Stops the app's containers; it stays stopped across agent restarts until {@link #start}. */
    public synchronized void stop(String app) throws InterruptedException {
        apps.find(app).orElseThrow(() -> new IllegalArgumentException("no app named " + app));
        db.inTransaction(() -> {
            apps.setRunning(app, false);
            events.record(app, null, EventKind.APP_STOPPED, "stopped by the operator");
        });
        supervisor.stopApp(app, STOP_GRACE);
    }

    /** Stops the app and forgets it with its releases; its events stay. */
    public synchronized void remove(String app) throws InterruptedException {
        apps.find(app).orElseThrow(() -> new IllegalArgumentException("no app named " + app));
        supervisor.stopApp(app, STOP_GRACE);
        db.inTransaction(() -> {
            apps.delete(app);
            events.record(app, null, EventKind.APP_REMOVED, "removed by the operator");
        });
    }

    /** Starts a release's container (used by start, rollback and the reconciler). */
    void startRelease(Release release) throws DeployException {
        start(release, template(release));
    }

    /** The release as it was deployed: its image, with the manifest recorded then (grant overrides included). */
    private ContainerTemplate template(Release release) throws DeployException {
        try {
            AppImage image = launcher.image(release.image());
            AppManifest manifest = ManifestParser.parse(release.manifestJson(), "the recorded manifest of " + release.app() + " r" + release.id());
            return launcher.template(release, image, manifest);
        } catch (LaunchException | ManifestException e) {
            throw new DeployException("cannot start " + release.app() + " r" + release.id() + ": " + e.getMessage(), e);
        }
    }

    private void start(Release release, ContainerTemplate template) throws DeployException {
        try {
            supervisor.start(template);
        } catch (AdmissionException e) {
            throw new DeployException("cannot start " + release.app() + " r" + release.id() + ": " + e.getMessage(), e);
        }
    }

    /**
     * Stops the app's running release when {@code next} owns GPIO lines or serial devices (see the class comment);
     * returns the release stopped, to {@link #restart} if {@code next} does not make it.
     */
    private Optional<Release> stopForLines(String app, ContainerTemplate next) throws InterruptedException {
        if (next.grants().isEmpty()) { // every grant is of hardware with one owner at a time
            return Optional.empty();
        }
        Optional<SupervisedContainer> running = apps.find(app).stream()
                .flatMap(record -> record.currentRelease().stream().boxed())
                .flatMap(current -> supervisor.find(app, current).stream())
                .filter(container -> !container.hasEnded())
                .findFirst();
        if (running.isEmpty()) {
            return Optional.empty();
        }
        long old = running.get().template().releaseId();
        supervisor.stop(running.get(), STOP_GRACE);
        events.record(app, next.releaseId(), EventKind.STOPPED_FOR_LINES,
                "r" + old + " stopped before r" + next.releaseId() + " starts: r" + next.releaseId() + " owns GPIO lines or serial devices");
        return releases.find(old);
    }

    /** Starts a release stopped for lines again; if even that fails the app is left stopped, and says why. */
    private void restart(Optional<Release> stopped) {
        if (stopped.isEmpty()) {
            return;
        }
        try {
            startRelease(stopped.get());
        } catch (DeployException e) {
            events.record(stopped.get().app(), stopped.get().id(), EventKind.DEPLOY_ABORTED, e.getMessage());
        }
    }

    /**
     * The commit point of a switch: one transaction makes {@code target} the active, current
     * release and the one it replaces the previous one (in state {@code leftState}). Returns the
     * release replaced.
     */
    private Optional<Long> switchTo(String app, long target, ReleaseState leftState, EventKind kind, String message) {
        Optional<Long> replaced = db.transaction(() -> {
            AppRecord record = apps.find(app).orElseThrow();
            Optional<Long> left = record.currentRelease().isPresent() ? Optional.of(record.currentRelease().getAsLong()) : Optional.empty();
            releases.setState(target, ReleaseState.ACTIVE, null);
            left.ifPresent(id -> releases.setState(id, leftState, null));
            apps.switchTo(app, target, left.orElse(null));
            apps.setRunning(app, true);
            events.record(app, target, kind, message);
            FaultPoint.SWITCHING.reach();
            return left;
        });
        FaultPoint.SWITCHED.reach();
        return replaced;
    }

    private void stopRelease(String app, long releaseId) throws InterruptedException {
        Optional<SupervisedContainer> running = supervisor.find(app, releaseId);
        if (running.isPresent()) {
            supervisor.stop(running.get(), STOP_GRACE);
        }
    }

    private Release refuse(Release release, String why) {
        db.inTransaction(() -> {
            releases.setState(release.id(), ReleaseState.REFUSED, why);
            events.record(release.app(), release.id(), EventKind.DEPLOY_REFUSED, "r" + release.id() + " refused: " + why);
        });
        return releases.find(release.id()).orElseThrow();
    }

    private static void checkName(String app) {
        if (!APP_NAME.matcher(app).matches()) {
            throw new IllegalArgumentException("'" + app + "' is not an app name: lowercase letters, digits, '.', '_' or '-', at most 64");
        }
    }
}
