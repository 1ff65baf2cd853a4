package dev.skiff.runtime.capability.gpio;

import dev.skiff.runtime.capability.poll.Pollable;

/**
 * The pollable of {@code watch-rising-edge} / {@code watch-falling-edge}: ready from the first
 * matching edge of its line after it was made, for good.
 */
final class EdgeWatch implements Pollable {
    private final Edge edge;
    private final InputEdges line;
    private volatile long readyAtNanos = NEVER;

    EdgeWatch(Edge edge, InputEdges line) {
        this.edge = edge;
        this.line = line;
    }

    /** Called by the line for each of its edges; only the first matching one counts. */
    void edge(Edge happened, long deliveryAtNanos) {
        if (happened == edge && readyAtNanos == NEVER) {
            readyAtNanos = deliveryAtNanos;
        }
    }

    @Override
    public long readyAtNanos() {
        return readyAtNanos;
    }

    @Override
    public void dropped() {
        line.unwatch(this);
    }
}
