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
 */
public record DesiredState(long generation, Map<String, DesiredApp> apps) {
    public DesiredState {
        if (generation < 1) {
            throw new IllegalArgumentException("a desired state's generation starts at 1, not " + generation);
        }
        apps = Map.copyOf(apps == null ? Map.of() : apps);
    }

    /** The next generation, with {@code app} set to {@code wanted}. */
    public DesiredState with(String app, DesiredApp wanted) {
        Map<String, DesiredApp> next = new TreeMap<>(apps);
        next.put(app, wanted);
        return new DesiredState(generation + 1, next);
    }
}
