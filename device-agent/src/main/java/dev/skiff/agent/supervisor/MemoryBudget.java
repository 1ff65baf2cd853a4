package dev.skiff.agent.supervisor;

import dev.skiff.protocols.Quantities;
import dev.skiff.runtime.AdmissionException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The share of the JVM heap the agent lets containers' linear memory take. Linear memory lives on
 * the heap, so admitting containers whose limits add up past it would let one guest's growth
 * bring the whole agent down; instead each container reserves its limit up front.
 */
final class MemoryBudget {
    private final long totalBytes;
    private final Map<String, Long> reserved = new LinkedHashMap<>();

    MemoryBudget(long totalBytes) {
        this.totalBytes = totalBytes;
    }

    /** Reserves {@code bytes} for {@code holder}, or refuses saying who holds what. */
    synchronized void reserve(String holder, long bytes) throws AdmissionException {
        long used = reservedBytes();
        if (used + bytes > totalBytes) {
            StringBuilder holders = new StringBuilder();
            reserved.forEach((name, b) -> holders.append(holders.isEmpty() ? "" : ", ").append(name).append(' ').append(Quantities.formatBytes(b)));
            throw new AdmissionException(holder + " needs " + Quantities.formatBytes(bytes) + " of memory, but only "
                    + Quantities.formatBytes(totalBytes - used) + " of the agent's budget of " + Quantities.formatBytes(totalBytes)
                    + " is free" + (holders.isEmpty() ? "" : " (held by " + holders + ")")
                    + "; lower resources.memory in skiff.yaml, stop another app, or raise memory-budget in the agent's config");
        }
        reserved.put(holder, bytes);
    }

    /** What the containers have reserved now. */
    synchronized long reservedBytes() {
        return reserved.values().stream().mapToLong(Long::longValue).sum();
    }

    synchronized void release(String holder) {
        reserved.remove(holder);
    }
}
