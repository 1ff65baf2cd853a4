package dev.skiff.fleet;

import java.io.IOException;
import java.util.function.Consumer;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * What {@code skiff fleet} does, as one library both the CLI and other front ends call: the
 * inventory, starting and driving rollouts, their status, pause, resume and abort. The rollout
 * database is opened at once; the broker only when an operation needs it.
 */
public final class FleetOperator implements AutoCloseable {
    private final FleetSettings settings;
    private final RolloutStore store;
    private final Consumer<String> log;
    private FleetLink link;

    private FleetOperator(FleetSettings settings, RolloutStore store, Consumer<String> log) {
        this.settings = settings;
        this.store = store;
        this.log = log;
    }

    /** @param log where broker trouble is told */
    public static FleetOperator open(FleetSettings settings, Consumer<String> log) throws IOException {
        return new FleetOperator(settings, RolloutStore.open(settings.database()), log);
    }

    private FleetLink link() throws IOException, InterruptedException {
        if (link == null) {
            link = FleetLink.connect(settings.requireBroker(), log);
        }
        return link;
    }

    /** The devices the selector picks, as the broker knows them. */
    public List<DeviceView> devices(Selector selector) throws IOException, InterruptedException {
        return link().inventory().select(selector);
    }

    /** Records a new rollout (the targets are the devices the selector picks now) without driving it. */
    public Rollout create(RolloutSpec spec) throws IOException, InterruptedException {
        return new RolloutEngine(store, link(), RolloutListener.NONE).create(spec);
    }

    /** Drives the rollout until it is final or paused; see {@link RolloutEngine#drive}. */
    public RolloutState drive(long id, RolloutListener listener) throws IOException, InterruptedException {
        return new RolloutEngine(store, link(), listener).drive(id);
    }

    /** Un-pauses the rollout (if paused) and drives it, as after its driver died. */
    public RolloutState resume(long id, RolloutListener listener) throws IOException, InterruptedException {
        Rollout rollout = find(id);
        if (rollout.state().isFinal()) {
            throw new IllegalArgumentException("rollout " + id + " is " + rollout.state().name().toLowerCase() + " already; nothing to resume");
        }
        link(); // no broker, no driver: the rollout stays paused rather than running with nobody driving it
        store.transition(id, RolloutState.PAUSED, RolloutState.RUNNING);
        return drive(id, listener);
    }

    /** Stops asking new devices; those updating now finish. A running driver returns when it sees it. */
    public Rollout pause(long id) {
        if (!store.transition(id, RolloutState.RUNNING, RolloutState.PAUSED)) {
            throw new IllegalArgumentException("rollout " + id + " is " + find(id).state().name().toLowerCase() + ", not running; only a running rollout pauses");
        }
        return find(id);
    }

    /** Marks the rollout aborted and rolls back every device it touched (this process drives the rollback). */
    public RolloutState abort(long id, RolloutListener listener) throws IOException, InterruptedException {
        Rollout rollout = find(id);
        if (rollout.state().isFinal()) {
            throw new IllegalArgumentException("rollout " + id + " is " + rollout.state().name().toLowerCase() + " already; nothing to abort");
        }
        if (rollout.state() != RolloutState.ABORTING && rollout.state() != RolloutState.HALTING) {
            store.setState(id, RolloutState.ABORTING, "aborted by the operator");
        }
        return drive(id, listener);
    }

    /**
     * Sets labels on a device after its enrollment: they travel in its desired state (retained, so
     * an offline device gets them when it returns) and it reports them over its configured ones.
     *
     * @throws IllegalArgumentException when the broker knows no such device
     */
    public void label(String device, Map<String, String> labels) throws IOException, InterruptedException {
        FleetLink l = link();
        DeviceView view = l.inventory().find(device)
                .orElseThrow(() -> new IllegalArgumentException("the broker knows no device " + device + " (see skiff fleet ls)"));
        long reported = view.reported().map(dev.skiff.protocols.fleet.ReportedState::generation).orElse(0L);
        l.publish(device, store.label(device, labels, reported));
    }

    /** Every rollout, newest first. */
    public List<Rollout> rollouts() {
        return store.list();
    }

    /** The rollout and its devices; with a broker at hand, devices that converged since (offline ones returning) are updated first. */
    public RolloutStatus status(long id) throws IOException, InterruptedException {
        find(id);
        Map<String, Boolean> online = Map.of();
        List<RolloutDevice> devices = store.devices(id);
        if (settings.broker() != null) {
            FleetLink l = link();
            new RolloutEngine(store, l, RolloutListener.NONE).refresh(id);
            devices = store.devices(id);
            online = devices.stream().collect(Collectors.toMap(RolloutDevice::device,
                    d -> l.inventory().find(d.device()).map(DeviceView::online).orElse(false)));
        }
        return new RolloutStatus(find(id), devices, online);
    }

    /** A rollout with its devices; {@code online} is empty when the broker was not asked. */
    public record RolloutStatus(Rollout rollout, List<RolloutDevice> devices, Map<String, Boolean> online) {
        public Optional<Boolean> online(String device) {
            return Optional.ofNullable(online.get(device));
        }
    }

    private Rollout find(long id) {
        return store.find(id).orElseThrow(() -> new IllegalArgumentException("no rollout " + id + " (see skiff fleet status)"));
    }

    @Override
    public void close() {
        if (link != null) {
            link.close();
        }
        store.close();
    }
}
