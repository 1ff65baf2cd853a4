package dev.skiff.protocols.fleet;

import java.util.Map;
import java.util.TreeMap;

/**
 * What the operator wants a device to run. Only the apps named here are managed by the fleet;
 * the device leaves its other apps alone.
 *
 * @param generation grows with every change the operator makes for this device; the device
 *     acts on a generation once and reports it back when it has
 * @param apps by app name
 * @param labels labels the operator set after enrollment; they override the device's configured ones of the same key
 */
public record DesiredState(long generation, Map<String, DesiredApp> apps, Map<String, String> labels) {
    public DesiredState {
        if (generation < 1) {
            throw new IllegalArgumentException("a desired state's generation starts at 1, not " + generation);
        }
        apps = Map.copyOf(apps == null ? Map.of() : apps);
        labels = Map.copyOf(labels == null ? Map.of() : labels);
    }

    public DesiredState(long generation, Map<String, DesiredApp> apps) {
        this(generation, apps, Map.of());
    }

    /** The next generation, with {@code app} set to {@code wanted}. */
    public DesiredState with(String app, DesiredApp wanted) {
        Map<String, DesiredApp> next = new TreeMap<>(apps);
        next.put(app, wanted);
        return new DesiredState(generation + 1, next, labels);
    }

    /** The next generation, with these labels set (over those set before). */
    public DesiredState withLabels(Map<String, String> more) {
        Map<String, String> next = new TreeMap<>(labels);
        next.putAll(more);
        return new DesiredState(generation + 1, apps, next);
    }

    /** The same state at a generation of at least {@code floor}. */
    public DesiredState atLeast(long floor) {
        return new DesiredState(Math.max(generation, floor), apps, labels);
    }
}
