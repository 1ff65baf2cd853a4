package dev.skiff.protocols.fleet;

import java.util.List;
import java.util.Map;

/**
 * What a device runs, published retained on every change.
 *
 * @param device the device id (its topic level)
 * @param labels what the operator selects devices by
 * @param generation the newest {@link DesiredState#generation()} the device has acted on; 0 before any
 * @param apps every app on the device, managed or not
 * @param agentVersion the agent's version
 */
public record ReportedState(String device, Map<String, String> labels, long generation, List<ReportedApp> apps, String agentVersion) {
    public ReportedState {
        labels = Map.copyOf(labels == null ? Map.of() : labels);
        apps = List.copyOf(apps == null ? List.of() : apps);
    }

    public java.util.Optional<ReportedApp> app(String name) {
        return apps.stream().filter(a -> a.name().equals(name)).findFirst();
    }
}
