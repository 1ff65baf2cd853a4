package dev.skiff.shim.task;

import dev.skiff.protocols.Quantities;
import dev.skiff.shim.ttrpc.TtrpcException;
import java.util.HashMap;
import java.util.Map;

/**
 * Guests' linear memory lives on the shim's Java heap, so the memory limits of the guests it
 * runs at once must fit in that heap (DESIGN §5): a container that would overcommit it is refused
 * at Create instead of letting the JVM run out of memory under the whole pod.
 */
final class HeapBudget {
    /** Kept for the shim itself: its classes, compiled modules and buffers. */
    static final long RESERVE = 64L << 20;

    private final long capacity;
    private final Map<String, Long> held = new HashMap<>();

    HeapBudget(long maxHeap) {
        this.capacity = Math.max(0, maxHeap - RESERVE);
    }

    synchronized void reserve(String id, long bytes) throws TtrpcException {
        long used = held.values().stream().mapToLong(Long::longValue).sum();
        if (used + bytes > capacity) {
            throw new TtrpcException(TtrpcException.RESOURCE_EXHAUSTED, "task " + id + ": its memory limit of "
                    + Quantities.formatBytes(bytes) + " does not fit in the shim's heap (" + Quantities.formatBytes(used)
                    + " of " + Quantities.formatBytes(capacity) + " already held by other containers); lower the limits"
                    + " or give the shim more heap (containerd's environment: SKIFF_SHIM_JVM_FLAGS=-Xmx...)");
        }
        held.put(id, bytes);
    }

    synchronized void release(String id) {
        held.remove(id);
    }
}
