package dev.skiff.agent;

import dev.skiff.agent.content.ContentStore;
import dev.skiff.agent.content.ImageGc;
import dev.skiff.agent.deploy.DeployException;
import dev.skiff.agent.deploy.Deployer;
import dev.skiff.agent.deploy.ImageRunner;
import dev.skiff.agent.deploy.Reconciler;
import dev.skiff.agent.enroll.Enrollment;
import dev.skiff.agent.events.Event;
import dev.skiff.agent.events.EventKind;
import dev.skiff.agent.events.EventLog;
import dev.skiff.agent.logs.LogLine;
import dev.skiff.agent.logs.LogListener;
import dev.skiff.agent.logs.LogStore;
import dev.skiff.agent.state.AppRecord;
import dev.skiff.agent.state.AppRepository;
import dev.skiff.agent.state.ContainerRun;
import dev.skiff.agent.state.Release;
import dev.skiff.agent.state.ReleaseRepository;
import dev.skiff.agent.state.ReleaseState;
import dev.skiff.agent.state.RunRepository;
import dev.skiff.agent.state.StateDb;
import dev.skiff.agent.supervisor.ContainerStatus;
import dev.skiff.agent.supervisor.DeviceGpio;
import dev.skiff.agent.supervisor.Supervisor;
import dev.skiff.agent.trust.TrustGate;
import dev.skiff.image.oci.Digest;
import dev.skiff.image.oci.Reference;
import dev.skiff.protocols.manifest.BoardProfile;
import dev.skiff.protocols.manifest.GrantOverrides;
import dev.skiff.runtime.Sandbox;
import dev.skiff.runtime.capability.Peripherals;
import dev.skiff.runtime.capability.serial.JsscSerialBackend;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.ToIntFunction;

/**
 * The device agent: what the REST API and the CLI call. Under its data directory it keeps
 * {@code state.db} (SQLite: apps, releases, runs, events, enrollment), {@code images/} (the content store),
 * {@code pki/} (the device key and fleet certificates),
 * {@code cache/} (compiled modules), {@code logs/APP/} and {@code volumes/APP/}.
 */
public final class Agent implements AutoCloseable {
    private static final Duration SHUTDOWN_GRACE = Duration.ofSeconds(5);

    private final AgentConfig config;
    private final StateDb db;
    private final ContentStore content;
    private final Sandbox sandbox;
    private final LogStore logs;
    private final Supervisor supervisor;
    private final EventLog events;
    private final Deployer deployer;
    private final ImageRunner runner;
    private final AppRepository apps;
    private final ReleaseRepository releases;
    private final RunRepository runs;
    private final Enrollment enrollment;
    private final DeviceGpio gpio;
    private final Peripherals peripherals;
    private final boolean ownsSandbox;

    private Agent(AgentConfig config, StateDb db, ContentStore content, Sandbox sandbox, boolean ownsSandbox, Enrollment enrollment) {
        Path data = config.dataDir();
        this.config = config;
        this.db = db;
        this.content = content;
        this.sandbox = sandbox;
        this.logs = new LogStore(data.resolve("logs"), config.logMaxBytes(), config.logFiles());
        this.runs = new RunRepository(db);
        this.gpio = switch (config.gpio().backend()) {
            case NONE -> DeviceGpio.none();
            case SIM -> DeviceGpio.simulated();
            case PI4J -> DeviceGpio.pi4j();
        };
        this.peripherals = new Peripherals(gpio.backend(), new JsscSerialBackend(),
                "this agent has no GPIO; set gpio: {backend: pi4j} (or sim) in its config");
        this.supervisor = new Supervisor(sandbox, logs, runs, config.memoryBudgetBytes(), peripherals);
        this.events = new EventLog(db);
        TrustGate trust = new TrustGate(content.images(), config.trust());
        this.deployer = new Deployer(db, events, supervisor, content, sandbox, data.resolve("volumes"), trust,
                config.gpio().board().<ToIntFunction<String>>map(board -> board::line).orElse(BoardProfile::headerLine));
        this.runner = new ImageRunner(content, sandbox, data.resolve("volumes"), trust, supervisor);
        this.apps = new AppRepository(db);
        this.releases = new ReleaseRepository(db);
        this.enrollment = enrollment;
        this.ownsSandbox = ownsSandbox;
    }

    /** Opens the data directory (creating it, migrating the database); runs nothing yet. */
    public static Agent open(AgentConfig config) throws IOException {
        Sandbox sandbox = Sandbox.withCompileCache(config.dataDir().resolve("cache"));
        try {
            return open(config, sandbox, true);
        } catch (IOException | RuntimeException e) {
            sandbox.close();
            throw e;
        }
    }

    /**
     * Opens an agent that runs its containers in a sandbox shared with other agents of this JVM
     * (a simulated fleet: one watchdog thread and one set of compiled modules for all of them).
     * The caller closes the sandbox, after the agents.
     */
    public static Agent open(AgentConfig config, Sandbox shared) throws IOException {
        return open(config, shared, false);
    }

    private static Agent open(AgentConfig config, Sandbox sandbox, boolean ownsSandbox) throws IOException {
        Path data = config.dataDir();
        StateDb db = StateDb.open(data.resolve("state.db"));
        ContentStore content = ContentStore.open(data.resolve("images"));
        Enrollment enrollment;
        try {
            enrollment = Enrollment.open(db, data.resolve("pki"));
        } catch (IOException | RuntimeException e) {
            db.close();
            throw e;
        }
        return new Agent(config, db, content, sandbox, ownsSandbox, enrollment);
    }

    public AgentConfig config() {
        return config;
    }

    /** The device's key, fleet certificates and enrollment token: what its API server presents and accepts. */
    public Enrollment enrollment() {
        return enrollment;
    }

    /** The device's GPIO: its backend, and with {@code sim} the board the API shows and drives. */
    public DeviceGpio gpio() {
        return gpio;
    }

    /** The GPIO lines and serial devices containers are granted, and which container holds each. */
    public Peripherals peripherals() {
        return peripherals;
    }

    /** Where images are delivered to, under the reference they are then deployed by. */
    public ContentStore content() {
        return content;
    }

    /**
     * Reconciles with the database and starts every app's current release.
     *
     * @return the apps that could not be started, one line each (they stay as recorded)
     */
    public List<String> start() {
        return new Reconciler(db, events, deployer).reconcile();
    }

    /**
     * Stops every container (SIGTERM, then a grace period) and closes the state; the apps'
     * records are unchanged, so the next start runs the same releases. An interrupt cuts the
     * wait for the containers short (they are abandoned, as at a crash) but still closes the state.
     */
    @Override
    public void close() {
        try {
            supervisor.stopAll(SHUTDOWN_GRACE);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            gpio.close(); // after the containers: their lines went back to their shutdown levels first
            if (ownsSandbox) {
                sandbox.close();
            }
            db.close();
        }
    }

    /**
     * Deploys an image of the content store as the app's new release, if the trust policy
     * admits it; see {@link Deployer#deploy}. The reference is the one the image was delivered
     * under: its repository holds the signatures, and its registry and repository choose the trust rule.
     */
    public Release deploy(String app, Reference image) throws DeployException, InterruptedException, IOException {
        return deploy(app, image, GrantOverrides.NONE);
    }

    /**
     * {@link #deploy(String, Reference)} with the app's grants bound to this device's hardware:
     * GPIO labels on other header lines ({@code LED} to {@code GPIO27}), serial ports on other devices.
     */
    public Release deploy(String app, Reference image, GrantOverrides overrides)
            throws DeployException, InterruptedException, IOException {
        Release release = deployer.deploy(app, image, overrides);
        collectGarbage();
        return release;
    }

    /**
     * Runs an image of the content store once and waits for its end, making no app of it; see
     * {@link ImageRunner#run}. Nothing of the run is kept.
     */
    public ImageRunner.Result run(Reference image, List<String> args) throws DeployException, InterruptedException {
        return runner.run(image, args);
    }

    public Release rollback(String app) throws DeployException, InterruptedException {
        return deployer.rollback(app);
    }

    public void startApp(String app) throws DeployException {
        deployer.start(app);
    }

    public void stopApp(String app) throws InterruptedException {
        deployer.stop(app);
    }

    /** Stops and forgets the app, deletes its logs and frees the blobs only it used. Volumes stay. */
    public void removeApp(String app) throws InterruptedException, IOException {
        deployer.remove(app);
        logs.delete(app);
        collectGarbage();
    }

    /** The memory running containers have reserved of {@link AgentConfig#memoryBudgetBytes()}. */
    public long memoryReservedBytes() {
        return supervisor.memoryReservedBytes();
    }

    public List<ContainerStatus> ps() {
        return supervisor.list();
    }

    public List<AppRecord> apps() {
        return apps.list();
    }

    /** The app's deployments with their outcomes, newest first. */
    public List<Release> history(String app) {
        return releases.ofApp(app);
    }

    /** Calls {@code listener} whenever an event is recorded (see {@link EventLog#whenRecorded}). */
    public void whenEventRecorded(Runnable listener) {
        events.whenRecorded(listener);
    }

    /** What happened to the app, oldest first. */
    public List<Event> events(String app) {
        return events.ofApp(app);
    }

    /** How many events of each kind the agent ever recorded, removed apps included: what deploy metrics count. */
    public Map<EventKind, Long> eventCounts() {
        return events.countByKind();
    }

    /** Every start of a release's container, oldest first. */
    public List<ContainerRun> runs(long releaseId) {
        return runs.ofRelease(releaseId);
    }

    public List<LogLine> logs(String app) throws IOException {
        return logs.read(app);
    }

    /** New log lines of the app, as they are written, until the handle is closed. */
    public AutoCloseable followLogs(String app, LogListener listener) {
        return logs.follow(app, listener);
    }

    /**
     * Frees blobs that no tag and no release the agent may still run (current, previous,
     * deploying) references; returns the bytes freed.
     */
    public long collectGarbage() throws IOException {
        Set<Digest> keep = new TreeSet<>();
        List<Long> ids = new ArrayList<>();
        for (AppRecord app : apps.list()) {
            app.currentRelease().ifPresent(ids::add);
            app.previousRelease().ifPresent(ids::add);
        }
        ids.forEach(id -> releases.find(id).ifPresent(r -> keep.add(r.image())));
        releases.inState(ReleaseState.DEPLOYING).forEach(r -> keep.add(r.image()));
        return new ImageGc(content).collect(keep);
    }
}
