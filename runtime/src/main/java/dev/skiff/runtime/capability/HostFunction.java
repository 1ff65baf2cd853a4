package dev.skiff.runtime.capability;

import java.util.List;

/** One function of a {@link HostModule}, in core-wasm terms (canonical ABI already lowered). */
public record HostFunction(
        String name, List<ValueType> params, List<ValueType> results, Body body) {

    public HostFunction {
        params = List.copyOf(params);
        results = List.copyOf(results);
    }

    /** Runs on the guest's thread; blocking waits must be interruptible so a stop is prompt. */
    @FunctionalInterface
    public interface Body {
        long[] call(GuestMemory memory, long[] args);
    }
}
