package dev.skiff.agent.fleet;

import dev.skiff.agent.AtomicFiles;
import dev.skiff.protocols.api.ApiJson;
import dev.skiff.protocols.fleet.ReportedApp.Outcome;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

/**
 * The newest desired generation the agent acted on, how each managed app came out and the
 * labels the operator set, kept in
 * {@code DATA/fleet-applied.json} so a desired state delivered again (after a reconnect or an
 * agent restart) is not acted on twice: a version that failed its health check is not retried.
 */
record AppliedState(long generation, Map<String, AppOutcome> apps, Map<String, String> labels) {
    static final AppliedState NONE = new AppliedState(0, Map.of(), Map.of());

    /** How one app came out of the last change to it; {@code detail} says why it failed, else null. */
    record AppOutcome(Outcome outcome, String detail) {}

    AppliedState {
        apps = Map.copyOf(apps);
        labels = Map.copyOf(labels == null ? Map.of() : labels); // files written before labels could be set have none
    }

    static AppliedState load(Path file) throws IOException {
        if (!Files.exists(file)) {
            return NONE;
        }
        try {
            return ApiJson.read(Files.readAllBytes(file), AppliedState.class);
        } catch (IllegalArgumentException e) {
            throw new IOException(file + ": " + e.getMessage() + "; delete the file to have the fleet's desired state applied afresh");
        }
    }

    AppliedState with(long newGeneration, Map<String, AppOutcome> outcomes, Map<String, String> operatorLabels) {
        Map<String, AppOutcome> all = new TreeMap<>(apps);
        all.putAll(outcomes);
        return new AppliedState(newGeneration, all, operatorLabels);
    }

    /** The configured labels with the operator's over them. */
    Map<String, String> labelsOver(Map<String, String> configured) {
        Map<String, String> all = new TreeMap<>(configured);
        all.putAll(labels);
        return all;
    }

    void save(Path file) throws IOException {
        AtomicFiles.write(file, ApiJson.write(this), "rw-------");
    }
}
