package dev.skiff.protocols.manifest;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.skiff.protocols.Quantities;
import java.time.Duration;
import java.util.Map;
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
        // Omitted when empty, so apps without grants keep the annotation (and image digests)
        // they had before capabilities existed.
        if (!m.capabilities().isEmpty()) {
            ObjectNode capabilities = root.putObject("capabilities");
            if (!m.capabilities().gpio().isEmpty()) {
                ObjectNode gpio = capabilities.putObject("gpio");
                m.capabilities().gpio().forEach((label, grant) -> putGpio(gpio.putObject(label), grant));
            }
            putSerial(capabilities, m.capabilities().serial());
        }
        return root.toString();
    }

    private static void putGpio(ObjectNode node, GpioGrant grant) {
        node.put("chip", grant.chip());
        node.put("line", grant.line());
        switch (grant) {
            case GpioGrant.Output o -> {
                node.put("mode", "output");
                node.put("initial", o.initial().yaml());
                node.put("shutdown", o.shutdown().yaml());
                putRate(node, "max-writes-per-second", o.maxWritesPerSecond());
            }
            case GpioGrant.Input i -> {
                node.put("mode", "input");
                putRate(node, "max-events-per-second", i.maxEventsPerSecond());
            }
        }
    }

    /** Omitted without serial grants, so GPIO-only apps keep the annotation they had before. */
    private static void putSerial(ObjectNode capabilities, Map<String, SerialGrant> grants) {
        if (grants.isEmpty()) {
            return;
        }
        ObjectNode serial = capabilities.putObject("serial");
        grants.forEach((name, grant) -> serial.putObject(name)
                .put("device", grant.device())
                .put("baud", grant.baud())
                .put("parity", grant.parity().yaml()));
    }

    private static void putRate(ObjectNode node, String key, int perSecond) {
        if (perSecond != GpioGrant.UNLIMITED) {
            node.put(key, perSecond);
        }
    }

    private static void putDuration(ObjectNode node, String key, Duration d) {
        if (d != null) {
            node.put(key, Quantities.formatDuration(d));
        }
    }
}
