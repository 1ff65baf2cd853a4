package dev.skiff.fleet;

import dev.skiff.protocols.fleet.ReportedState;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every device the broker knows, from the retained reported states and availabilities, kept up to
 * date as devices publish. Waiters are woken on every change.
 */
public final class Inventory {
    private final Map<String, DeviceView> devices = new ConcurrentHashMap<>();
    private final Object changed = new Object();
    private volatile long lastChangeNanos = System.nanoTime();

    void reported(String device, ReportedState state) {
        devices.compute(device, (d, old) -> new DeviceView(d, Optional.of(state), old == null || old.online()));
        signal();
    }

    void availability(String device, boolean online) {
        devices.compute(device, (d, old) -> new DeviceView(d, old == null ? Optional.empty() : old.reported(), online));
        signal();
    }

    private void signal() {
        lastChangeNanos = System.nanoTime();
        synchronized (changed) {
            changed.notifyAll();
        }
    }

    public Optional<DeviceView> find(String device) {
        return Optional.ofNullable(devices.get(device));
    }

    /** The devices the selector picks, by id; devices that never reported a state have no labels and are left out. */
    public List<DeviceView> select(Selector selector) {
        return devices.values().stream().filter(d -> d.reported().isPresent() && selector.matches(d.labels()))
                .sorted(java.util.Comparator.comparing(DeviceView::device)).toList();
    }

    /** Waits up to {@code millis} for the next change. */
    public void awaitChange(long millis) throws InterruptedException {
        synchronized (changed) {
            changed.wait(millis);
        }
    }

    /** Waits until no retained message has arrived for {@code quietMillis} (the broker sends them right after subscribing), at most {@code maxMillis}. */
    public void awaitSettled(long quietMillis, long maxMillis) throws InterruptedException {
        lastChangeNanos = System.nanoTime();
        long deadline = System.nanoTime() + maxMillis * 1_000_000;
        while (System.nanoTime() < deadline && System.nanoTime() - lastChangeNanos < quietMillis * 1_000_000) {
            Thread.sleep(Math.max(1, quietMillis / 5));
        }
    }
}
