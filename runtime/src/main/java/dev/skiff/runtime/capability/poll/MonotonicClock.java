package dev.skiff.runtime.capability.poll;

import static dev.skiff.runtime.capability.ValueType.I32;
import static dev.skiff.runtime.capability.ValueType.I64;

import dev.skiff.runtime.capability.HostFunction;
import dev.skiff.runtime.capability.HostModule;
import java.util.List;

/**
 * {@code wasi:clocks/monotonic-clock@0.2.0}: the timeouts of poll waits. Instants are
 * nanoseconds since the container's clock was made (never negative, as the WIT's u64 needs).
 */
public final class MonotonicClock {
    public static final String MODULE = "wasi:clocks/monotonic-clock@0.2.0";

    /** A deadline on {@link System#nanoTime()}. */
    record Timer(long readyAtNanos) implements Pollable {}

    private MonotonicClock() {}

    public static HostModule module(Pollables pollables) {
        long origin = System.nanoTime();
        return new HostModule(MODULE, List.of(
                new HostFunction("now", List.of(), List.of(I64), (memory, args) ->
                        new long[] {System.nanoTime() - origin}),
                new HostFunction("resolution", List.of(), List.of(I64), (memory, args) -> new long[] {1}),
                new HostFunction("subscribe-instant", List.of(I64), List.of(I32), (memory, args) ->
                        new long[] {pollables.add(new Timer(at(origin, args[0])))}),
                new HostFunction("subscribe-duration", List.of(I64), List.of(I32), (memory, args) ->
                        new long[] {pollables.add(new Timer(at(System.nanoTime(), args[0])))})));
    }

    /** {@code base + u64 nanos}, saturating: a wait of "forever" must not wrap into the past. */
    private static long at(long base, long unsignedNanos) {
        if (unsignedNanos < 0) {
            return Pollable.NEVER - 1;
        }
        long sum = base + unsignedNanos;
        return sum < base ? Pollable.NEVER - 1 : Math.min(sum, Pollable.NEVER - 1);
    }
}
