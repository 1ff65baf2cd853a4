package dev.skiff.runtime;

import dev.skiff.protocols.manifest.AppManifest;
import java.time.Duration;
import java.time.temporal.ChronoUnit;

/**
 * Resource limits of one container.
 *
 * @param memoryBytes ceiling for linear memory (Java heap, so the agent budgets it)
 * @param cpuTime guest CPU time before the container is killed, or {@link #UNLIMITED}
 * @param wallTime time from start before the container is killed, or {@link #UNLIMITED}
 * @param stackBytes stack of the guest's thread; bounds guest recursion depth
 * @param maxOpenFiles descriptors the guest may hold, stdio and mapped dirs included
 */
public record Limits(
        long memoryBytes, Duration cpuTime, Duration wallTime, long stackBytes, int maxOpenFiles) {

    public static final Duration UNLIMITED = ChronoUnit.FOREVER.getDuration();

    public static final Limits DEFAULT =
            new Limits(256L << 20, UNLIMITED, UNLIMITED, 8L << 20, 256);

    public Limits {
        if (memoryBytes < 65536) {
            throw new IllegalArgumentException("memory limit must be at least 64K (one wasm page)");
        }
        if (cpuTime.isNegative() || cpuTime.isZero() || wallTime.isNegative() || wallTime.isZero()) {
            throw new IllegalArgumentException("time limits must be positive");
        }
        if (stackBytes < (256 << 10)) {
            throw new IllegalArgumentException("guest stack must be at least 256K");
        }
        if (maxOpenFiles < 3) {
            throw new IllegalArgumentException("max open files must leave room for stdio (at least 3)");
        }
    }

    /** An app's {@code resources:} over the defaults, as the agent and local runs apply them. */
    public static Limits of(AppManifest.Resources resources) {
        Limits limits = DEFAULT.withMemoryBytes(resources.memoryBytes());
        if (resources.cpuTime() != null) {
            limits = limits.withCpuTime(resources.cpuTime());
        }
        if (resources.wallTime() != null) {
            limits = limits.withWallTime(resources.wallTime());
        }
        return limits;
    }

    public Limits withMemoryBytes(long value) {
        return new Limits(value, cpuTime, wallTime, stackBytes, maxOpenFiles);
    }

    public Limits withCpuTime(Duration value) {
        return new Limits(memoryBytes, value, wallTime, stackBytes, maxOpenFiles);
    }

    public Limits withWallTime(Duration value) {
        return new Limits(memoryBytes, cpuTime, value, stackBytes, maxOpenFiles);
    }

    public Limits withStackBytes(long value) {
        return new Limits(memoryBytes, cpuTime, wallTime, value, maxOpenFiles);
    }

    public Limits withMaxOpenFiles(int value) {
        return new Limits(memoryBytes, cpuTime, wallTime, stackBytes, value);
    }

    boolean limitsCpu() {
        return cpuTime.compareTo(UNLIMITED) < 0;
    }

    boolean limitsWall() {
        return wallTime.compareTo(UNLIMITED) < 0;
    }
}
