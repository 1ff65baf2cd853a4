package dev.skiff.protocols.manifest;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * An app's {@code skiff.yaml} (DESIGN.md §3.1), validated.
 *
 * @param module path of the wasm module inside the app folder
 * @param capabilities what the app may touch beyond WASI (GPIO lines, serial ports); nothing unless granted
 */
public record AppManifest(
        String name,
        String version,
        String module,
        List<String> args,
        Map<String, String> env,
        Resources resources,
        Restart restart,
        HealthCheck health,
        List<Volume> volumes,
        CapabilityGrants capabilities) {

    public AppManifest {
        args = List.copyOf(args);
        env = Map.copyOf(env);
        volumes = List.copyOf(volumes);
    }

    /** The same app with other grants: bound to the device's hardware at deploy ({@link GrantOverrides}, serial devices). */
    public AppManifest withCapabilities(CapabilityGrants grants) {
        return new AppManifest(name, version, module, args, env, resources, restart, health, volumes, grants);
    }

    /** Limits; a null duration means no limit. */
    public record Resources(long memoryBytes, Duration cpuTime, Duration wallTime) {
        public static final long DEFAULT_MEMORY = 64L << 20;
    }

    public enum RestartPolicy {
        NO("no"),
        ON_FAILURE("on-failure"),
        ALWAYS("always");

        public final String yaml;

        RestartPolicy(String yaml) {
            this.yaml = yaml;
        }
    }

    /** Restarts wait {@code initialBackoff}, doubling up to {@code maxBackoff}. */
    public record Restart(RestartPolicy policy, Duration initialBackoff, Duration maxBackoff) {
        public static final Restart DEFAULT = new Restart(RestartPolicy.NO, Duration.ofSeconds(1), Duration.ofMinutes(1));
    }

    /** How a new version proves itself before the old one is stopped. */
    public sealed interface HealthCheck {
        /** Healthy once the container has kept running this long. */
        record RunningFor(Duration duration) implements HealthCheck {}

        /** Healthy while the exported function returns 0, polled every {@code interval}. */
        record Export(String function, Duration interval) implements HealthCheck {}
    }

    /** A persistent data directory of the app, seen by the guest at {@code path}. */
    public record Volume(String name, String path) {}
}
