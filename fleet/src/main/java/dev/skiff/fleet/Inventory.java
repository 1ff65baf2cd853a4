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
    private volatile long changes; // written by the MQTT callback thread only

    void reported(String device, ReportedState state) {
        devices.compute(device, (d, old) -> new DeviceView(d, Optional.of(state), old == null || old.online()));
        signal();
    }

    void availability(String device, boolean online) {
        devices.compute(device, (d, old) -> new DeviceView(d, old == null ? Optional.empty() : old.reported(), online));
        signal();
    }

    private void signal() {
        changes++;
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

    /**
     * Waits for the retained messages a new subscription brings: until none has arrived for
     * {@code quietMillis}, or, if none arrives at all (an empty fleet, or a broker slow to start
     * sending), for {@code firstMillis}; at most {@code maxMillis} in all.
     */
    public void awaitSettled(long quietMillis, long firstMillis, long maxMillis) throws InterruptedException {
        long start = System.nanoTime();
        long before = changes;
        while (System.nanoTime() - start < maxMillis * 1_000_000) {
            long quietFor = System.nanoTime() - (changes == before ? start : lastChangeNanos);
            if (quietFor >= (changes == before ? firstMillis : quietMillis) * 1_000_000) {
                return;
            }
            Thread.sleep(Math.max(1, quietMillis / 5));
        }
    }
}
