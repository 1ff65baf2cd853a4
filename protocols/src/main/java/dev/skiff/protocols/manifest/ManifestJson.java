package dev.skiff.protocols.manifest;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.skiff.protocols.Quantities;
import java.time.Duration;
import java.util.TreeMap;

/**
 * The canonical JSON form of a {@code skiff.yaml}, carried in images as the
 * {@code dev.skiff.manifest} annotation. Keys are the YAML keys, defaults are written out, and the
 * order is fixed, so equal manifests give equal bytes. JSON is YAML, so
 * {@link ManifestParser#parse} reads it back.
 */
public final class ManifestJson {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private ManifestJson() {}

    public static String write(AppManifest m) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("name", m.name());
        root.put("version", m.version());
        root.put("module", m.module());
        m.args().forEach(root.putArray("args")::add);
        ObjectNode env = root.putObject("env");
        new TreeMap<>(m.env()).forEach(env::put);
        ObjectNode resources = root.putObject("resources");
        resources.put("memory", Long.toString(m.resources().memoryBytes()));
        putDuration(resources, "cpu-time", m.resources().cpuTime());
        putDuration(resources, "wall-time", m.resources().wallTime());
        ObjectNode restart = root.putObject("restart");
        restart.put("policy", m.restart().policy().yaml);
        putDuration(restart, "backoff", m.restart().initialBackoff());
        putDuration(restart, "max-backoff", m.restart().maxBackoff());
        ObjectNode health = root.putObject("health");
        switch (m.health()) {
            case AppManifest.HealthCheck.RunningFor r -> putDuration(health, "running-for", r.duration());
            case AppManifest.HealthCheck.Export e -> {
                health.put("export", e.function());
                putDuration(health, "interval", e.interval());
            }
        }
        var volumes = root.putArray("volumes");
        m.volumes().forEach(v -> volumes.addObject().put("name", v.name()).put("path", v.path()));
        return root.toString();
    }

    private static void putDuration(ObjectNode node, String key, Duration d) {
        if (d != null) {
            node.put(key, Quantities.formatDuration(d));
        }
    }
}
