package dev.skiff.fleet;

import dev.skiff.protocols.fleet.Convergence;
import dev.skiff.protocols.fleet.DesiredApp;
import dev.skiff.protocols.fleet.DesiredState;
import dev.skiff.protocols.fleet.ReportedApp;
import dev.skiff.protocols.fleet.ReportedState;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Drives rollouts (DESIGN §6): devices are asked wave by wave, at most {@code maxUnavailable} of
 * the online ones updating at once, each judged by the convergence rule on its reported state
 * within the health timeout. When failures reach the abort threshold (or an operator aborts) the
 * devices touched are asked back to what they ran before; devices of later waves are never asked.
 *
 * <p>All progress lives in the {@link RolloutStore}: a step is committed before the desired
 * state it leads to is published, so a driver that dies anywhere is replaced by another
 * ({@link #drive} again) that publishes the same generations again and asks no device twice.
 * Offline devices are asked too (desired states are retained); once away for {@link DevicePresence#AWAY_AFTER_MS}
 * they neither block a wave nor count against the health timeout until they are back. Devices
 * that dropped off a moment ago (a broker restart disconnects everyone) are waited for, and
 * while the operator itself has lost the broker nothing is judged or asked at all.
 */
public final class RolloutEngine {
    private static final long TICK_MS = 100;
    /** Reports come in bursts (hundreds of devices); one pass over the rollout covers a burst. */
    private static final long PASS_GAP_MS = 20;
    /** How often unanswered desired states are published again, in case a broker restart lost them. */
    private static final long REPUBLISH_MS = 5_000;
    private static final Set<DeviceStep> TOUCHED = EnumSet.of(DeviceStep.UPDATING, DeviceStep.UPDATED, DeviceStep.FAILED);

    private final RolloutStore store;
    private final FleetLink link;
    private final RolloutListener listener;
    private final DevicePresence presence;
    private final Map<String, Long> lastPublished = new HashMap<>();

    public RolloutEngine(RolloutStore store, FleetLink link, RolloutListener listener) {
        this.store = store;
        this.link = link;
        this.listener = listener;
        this.presence = new DevicePresence(link.inventory());
    }

    /**
     * Records a rollout of the devices the spec's selector picks now, each with the image it runs
     * now (to roll back to).
     *
     * @throws IllegalArgumentException when no device matches
     */
    public Rollout create(RolloutSpec spec) {
        List<DeviceView> targets = link.inventory().select(spec.selector());
        if (targets.isEmpty()) {
            throw new IllegalArgumentException("no device matches the selector '" + spec.selector() + "' (see skiff fleet ls)");
        }
        List<Integer> waves = spec.waves().assign(targets.size());
        List<RolloutDevice> rows = new ArrayList<>();
        for (int i = 0; i < targets.size(); i++) {
            rows.add(new RolloutDevice(targets.get(i).device(), waves.get(i), DeviceStep.WAITING, previousImage(spec, targets.get(i)), 0, 0, null));
        }
        return store.create(spec, rows);
    }

    /**
     * The pinned image the device runs as the app now, null if none: as last desired if that is
     * what runs, else the rollout's repository at the running digest.
     */
    private String previousImage(RolloutSpec spec, DeviceView device) {
        Optional<String> digest = device.reported().flatMap(r -> r.app(spec.app())).map(ReportedApp::digest);
        if (digest.isEmpty()) {
            return null;
        }
        Optional<String> desired = store.desired(device.device()).map(d -> d.apps().get(spec.app()))
                .filter(DesiredApp::installed).map(DesiredApp::image)
                .filter(image -> Convergence.digestOf(image).equals(digest.get()));
        return desired.orElse(spec.image().substring(0, spec.image().lastIndexOf('@')) + "@" + digest.get());
    }

    /**
     * Drives the rollout until it is final or paused, and returns that state. A rollout found
     * aborting or halting is rolled back; a paused one returns at once.
     */
    public RolloutState drive(long id) throws InterruptedException {
        int announcedWave = -1;
        while (true) {
            Rollout rollout = store.find(id).orElseThrow(() -> new IllegalArgumentException("no rollout " + id + " (see skiff fleet status)"));
            switch (rollout.state()) {
                case PAUSED, COMPLETED, HALTED, ABORTED -> {
                    listener.on(new RolloutEvent.Stopped(id, rollout.state(), rollout.detail()));
                    return rollout.state();
                }
                case ABORTING, HALTING -> {
                    return rollBack(rollout);
                }
                case RUNNING -> { }
            }
            if (!link.isConnected()) {
                link.inventory().awaitChange(TICK_MS);
                continue;
            }
            List<RolloutDevice> devices = judge(rollout);
            long updated = count(devices, DeviceStep.UPDATED);
            long failed = count(devices, DeviceStep.FAILED);
            if (failed > 0 && 100.0 * failed / (failed + updated) >= rollout.spec().abortAtPercent()) {
                String reason = failed + " of " + (failed + updated) + " devices failed, at or past --abort-at "
                        + rollout.spec().abortAtPercent() + "%";
                if (store.transition(id, RolloutState.RUNNING, RolloutState.HALTING)) {
                    store.setState(id, RolloutState.HALTING, reason);
                }
                continue;
            }
            Optional<Integer> wave = devices.stream().filter(d -> d.step() == DeviceStep.WAITING || d.step() == DeviceStep.UPDATING && !away(d))
                    .map(RolloutDevice::wave).min(Integer::compare);
            int waves = devices.stream().mapToInt(RolloutDevice::wave).max().orElse(0) + 1;
            if (wave.isEmpty() || wave.get() > announcedWave) {
                if (announcedWave >= 0) {
                    int done = announcedWave;
                    List<RolloutDevice> of = devices.stream().filter(d -> d.wave() == done).toList();
                    listener.on(new RolloutEvent.WaveFinished(id, done, count(of, DeviceStep.UPDATED), count(of, DeviceStep.FAILED),
                            count(of, DeviceStep.UPDATING)));
                }
                if (wave.isEmpty()) {
                    long pending = count(devices, DeviceStep.UPDATING);
                    String detail = updated + " updated, " + failed + " failed" + (pending > 0 ? ", " + pending + " offline, pending" : "");
                    store.setState(id, RolloutState.COMPLETED, detail);
                    continue;
                }
                announcedWave = wave.get();
                int w = announcedWave;
                listener.on(new RolloutEvent.WaveStarted(id, w + 1, waves, (int) devices.stream().filter(d -> d.wave() == w).count()));
            }
            dispatch(rollout, devices, wave.get());
            republish(devices, EnumSet.of(DeviceStep.UPDATING));
            awaitNextPass();
        }
    }

    /** Asks waiting devices of the wave to update, keeping at most maxUnavailable of those not away updating. */
    private void dispatch(Rollout rollout, List<RolloutDevice> devices, int wave) {
        long busy = devices.stream().filter(d -> d.step() == DeviceStep.UPDATING && !away(d)).count();
        for (RolloutDevice d : devices) {
            if (busy >= rollout.spec().maxUnavailable()) {
                return;
            }
            if (d.wave() == wave && d.step() == DeviceStep.WAITING) {
                DesiredState next = store.advance(rollout.id(), d.device(), rollout.spec().app(), new DesiredApp(rollout.spec().image()),
                        DeviceStep.UPDATING, reportedGeneration(d));
                publish(d.device(), next);
                listener.on(new RolloutEvent.DeviceUpdating(rollout.id(), d.device(), online(d)));
                if (!away(d)) {
                    busy++;
                }
            }
        }
    }

    /** Updates the steps of devices awaiting a verdict from their reported states; returns every device's step. */
    private List<RolloutDevice> judge(Rollout rollout) {
        long now = System.currentTimeMillis();
        List<RolloutDevice> result = new ArrayList<>();
        for (RolloutDevice d : store.devices(rollout.id())) {
            presence.observe(d.device(), now);
            if (d.step() != DeviceStep.UPDATING && d.step() != DeviceStep.ROLLING_BACK) {
                result.add(d);
                continue;
            }
            DesiredApp wanted = d.step() == DeviceStep.UPDATING ? new DesiredApp(rollout.spec().image())
                    : d.previousImage() == null ? DesiredApp.ABSENT : new DesiredApp(d.previousImage());
            Optional<ReportedState> reported = link.inventory().find(d.device()).flatMap(DeviceView::reported);
            Convergence verdict = Convergence.of(reported.orElse(null), rollout.spec().app(), d.generation(), wanted);
            DeviceStep step = d.step();
            String detail = d.detail();
            if (verdict == Convergence.CONVERGED) {
                step = d.step() == DeviceStep.UPDATING ? DeviceStep.UPDATED : DeviceStep.ROLLED_BACK;
                detail = null;
            } else if (verdict == Convergence.FAILED) {
                detail = reported.flatMap(r -> r.app(rollout.spec().app())).map(ReportedApp::detail).orElse("the app is not installed");
                step = d.step() == DeviceStep.UPDATING ? DeviceStep.FAILED : DeviceStep.ROLLING_BACK;
            } else if (d.step() == DeviceStep.UPDATING && online(d)
                    && now - Math.max(d.stepSince(), presence.lastOffline(d.device())) > rollout.spec().healthTimeout().toMillis()) {
                step = DeviceStep.FAILED;
                detail = "no healthy report within the health timeout of " + rollout.spec().healthTimeout().toSeconds() + " s";
            }
            if (step != d.step() || !java.util.Objects.equals(detail, d.detail())) {
                store.setStep(rollout.id(), d.device(), step, detail);
                announce(rollout.id(), d.device(), d.step(), step, detail);
            }
            result.add(new RolloutDevice(d.device(), d.wave(), step, d.previousImage(), d.generation(), d.stepSince(), detail));
        }
        return result;
    }

    private void announce(long id, String device, DeviceStep from, DeviceStep to, String detail) {
        if (from == to) {
            return;
        }
        switch (to) {
            case UPDATED -> listener.on(new RolloutEvent.DeviceUpdated(id, device));
            case FAILED -> listener.on(new RolloutEvent.DeviceFailed(id, device, detail));
            case ROLLED_BACK -> listener.on(new RolloutEvent.DeviceRolledBack(id, device));
            default -> { }
        }
    }

    /**
     * Asks every device the rollout touched back to its previous image and waits (up to the health
     * timeout) for the online ones to get there; then the rollout is final.
     */
    private RolloutState rollBack(Rollout rollout) throws InterruptedException {
        long id = rollout.id();
        List<RolloutDevice> touched = store.devices(id).stream().filter(d -> TOUCHED.contains(d.step())).toList();
        listener.on(new RolloutEvent.RollingBack(id, rollout.detail() == null ? "aborted" : rollout.detail(), touched.size()));
        for (RolloutDevice d : touched) {
            DesiredApp back = d.previousImage() == null ? DesiredApp.ABSENT : new DesiredApp(d.previousImage());
            publish(d.device(), store.advance(id, d.device(), rollout.spec().app(), back, DeviceStep.ROLLING_BACK, reportedGeneration(d)));
        }
        long deadline = System.currentTimeMillis() + rollout.spec().healthTimeout().toMillis();
        while (System.currentTimeMillis() < deadline) {
            if (!link.isConnected()) {
                link.inventory().awaitChange(TICK_MS);
                continue;
            }
            List<RolloutDevice> devices = judge(rollout);
            if (devices.stream().noneMatch(d -> d.step() == DeviceStep.ROLLING_BACK && !away(d) && d.detail() == null)) {
                break;
            }
            republish(devices, EnumSet.of(DeviceStep.ROLLING_BACK));
            awaitNextPass();
        }
        RolloutState last = rollout.state() == RolloutState.HALTING ? RolloutState.HALTED : RolloutState.ABORTED;
        List<RolloutDevice> devices = store.devices(id);
        long pending = count(devices, DeviceStep.ROLLING_BACK);
        String detail = (rollout.detail() == null ? "aborted by the operator" : rollout.detail()) + "; " + count(devices, DeviceStep.ROLLED_BACK)
                + " rolled back" + (pending > 0 ? ", " + pending + " still rolling back (offline or failing)" : "")
                + ", " + count(devices, DeviceStep.WAITING) + " never touched";
        store.setState(id, last, detail);
        listener.on(new RolloutEvent.Stopped(id, last, detail));
        return last;
    }

    /**
     * Brings the stored steps up to date with the devices' reports without asking any device
     * anything (for status): devices that were offline show their verdict once they are back.
     */
    public List<RolloutDevice> refresh(long id) {
        Rollout rollout = store.find(id).orElseThrow(() -> new IllegalArgumentException("no rollout " + id + " (see skiff fleet status)"));
        return judge(rollout);
    }

    private void awaitNextPass() throws InterruptedException {
        link.inventory().awaitChange(TICK_MS);
        Thread.sleep(PASS_GAP_MS);
    }

    /** Publishes the stored desired state again to devices in these steps whose answer is overdue. */
    private void republish(List<RolloutDevice> devices, Set<DeviceStep> steps) {
        long now = System.currentTimeMillis();
        for (RolloutDevice d : devices) {
            if (steps.contains(d.step()) && now - lastPublished.getOrDefault(d.device(), 0L) > REPUBLISH_MS) {
                store.desired(d.device()).ifPresent(desired -> publish(d.device(), desired));
            }
        }
    }

    private void publish(String device, DesiredState desired) {
        link.publish(device, desired);
        lastPublished.put(device, System.currentTimeMillis());
    }

    private long reportedGeneration(RolloutDevice d) {
        return link.inventory().find(d.device()).flatMap(DeviceView::reported).map(ReportedState::generation).orElse(0L);
    }

    private boolean away(RolloutDevice d) {
        return presence.away(d.device());
    }

    private boolean online(RolloutDevice d) {
        return presence.online(d.device());
    }

    private static long count(List<RolloutDevice> devices, DeviceStep step) {
        return devices.stream().filter(d -> d.step() == step).count();
    }
}
