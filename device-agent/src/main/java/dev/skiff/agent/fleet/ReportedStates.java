package dev.skiff.agent.fleet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.skiff.agent.Agent;
import dev.skiff.agent.fleet.AppliedState.AppOutcome;
import dev.skiff.agent.state.AppRecord;
import dev.skiff.agent.state.Release;
import dev.skiff.agent.supervisor.ContainerStatus;
import dev.skiff.protocols.fleet.ReportedApp;
import dev.skiff.protocols.fleet.ReportedState;
import dev.skiff.runtime.ContainerState;
import dev.skiff.runtime.Versions;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** What the agent reports to the fleet: every app's running release, its health and the outcome of the last desired change. */
final class ReportedStates {
    private static final ObjectMapper JSON = new ObjectMapper();

    private ReportedStates() {}

    /** @param labels the configured labels; those the operator set are reported over them */
    static ReportedState of(Agent agent, String device, Map<String, String> labels, AppliedState applied) {
        List<ContainerStatus> containers = agent.ps();
        List<ReportedApp> apps = new ArrayList<>();
        for (AppRecord app : agent.apps()) {
            Optional<Release> current = DesiredStateApplier.currentRelease(agent, app.name());
            String health = current.map(r -> health(app, r, containers)).orElse("stopped");
            AppOutcome outcome = applied.apps().get(app.name());
            apps.add(new ReportedApp(app.name(), current.map(r -> r.image().toString()).orElse(null), current.map(ReportedStates::version).orElse(null),
                    health, outcome == null ? null : outcome.outcome(), outcome == null ? null : outcome.detail()));
        }
        return new ReportedState(device, applied.labelsOver(labels), applied.generation(), apps, Versions.skiff());
    }

    private static String health(AppRecord app, Release release, List<ContainerStatus> containers) {
        if (!app.running()) {
            return "stopped";
        }
        boolean running = containers.stream()
                .anyMatch(c -> c.app().equals(app.name()) && c.releaseId() == release.id() && c.state() instanceof ContainerState.Running);
        return running ? "running" : "failed";
    }

    private static String version(Release release) {
        try {
            JsonNode manifest = JSON.readTree(release.manifestJson());
            return manifest.path("version").asText(null);
        } catch (IOException e) {
            return null;
        }
    }
}
