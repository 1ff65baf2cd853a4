package dev.skiff.runtime.engine;

/** How a guest's {@code _start} ended, as the engine saw it. */
public sealed interface RunOutcome {

    /** Returned from {@code _start} (code 0) or called {@code proc_exit(code)}. */
    record Exited(int code) implements RunOutcome {}

    /** A wasm trap (unreachable, out-of-bounds access, call stack exhausted, ...). */
    record Trapped(String message) implements RunOutcome {}

    /** The guest tried to grow its memory past the limit. */
    record MemoryLimitExceeded(long limitBytes, long requestedBytes) implements RunOutcome {}

    /** Stopped through {@link GuestInstance#interrupt()}. */
    record Interrupted() implements RunOutcome {}
}
