package dev.skiff.runtime.capability.gpio;

import dev.skiff.protocols.manifest.GpioGrant;
import dev.skiff.protocols.manifest.GpioGrant.Level;
import dev.skiff.runtime.capability.poll.Pollables;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;

/**
 * The edges of one granted input line, fed by the backend and handed to the container's
 * {@link EdgeWatch}es, at most at the grant's {@code max-events-per-second}.
 */
final class InputEdges {
    private final EdgeRateLimiter limiter;
    private final Pollables pollables;
    private final Set<EdgeWatch> watches = new CopyOnWriteArraySet<>();

    InputEdges(GpioGrant.Input grant, Pollables pollables) {
        this.limiter = grant.maxEventsPerSecond() == GpioGrant.UNLIMITED ? null
                : new EdgeRateLimiter(grant.maxEventsPerSecond());
        this.pollables = pollables;
    }

    EdgeWatch watch(Edge edge) {
        EdgeWatch watch = new EdgeWatch(edge, this);
        watches.add(watch);
        return watch;
    }

    void unwatch(EdgeWatch watch) {
        watches.remove(watch);
    }

    /** The backend saw the line change to {@code level}; runs on the backend's thread. */
    void changed(Level level) {
        if (watches.isEmpty()) {
            return; // nobody waits: an edge nobody watched for is not an event, and books no slot
        }
        long now = System.nanoTime();
        long deliveryAt = limiter == null ? now : limiter.deliveryAt(now);
        Edge edge = Edge.to(level);
        watches.forEach(watch -> watch.edge(edge, deliveryAt));
        pollables.wake();
    }
}
