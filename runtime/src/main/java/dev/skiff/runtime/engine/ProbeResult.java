package dev.skiff.runtime.engine;

/** What a health probe of a running guest found. */
public sealed interface ProbeResult {
    /** The export returned {@code value}; by convention 0 means healthy. */
    record Answered(int value) implements ProbeResult {}

    /** The guest did not answer: it was not running, did not yield in time, or the export failed. */
    record NoAnswer(String reason) implements ProbeResult {}
}
