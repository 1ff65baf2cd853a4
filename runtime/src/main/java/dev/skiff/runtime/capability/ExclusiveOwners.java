package dev.skiff.runtime.capability;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * Which container holds each exclusive resource (a serial device, ...) across every container
 * of a process, so a resource has one holder at a time.
 *
 * @param <K> what identifies a resource, e.g. a device path
 */
public final class ExclusiveOwners<K> {
    private record Holder(Object lease, String container) {}

    private final Map<K, Holder> holders = new HashMap<>();

    /**
     * Claims every resource for {@code lease} of {@code container}, or none when one is held.
     *
     * @param describe names a resource in the refusal, e.g. "serial device /dev/ttyS0 (granted as GPS)"
     */
    public synchronized void claimAll(Iterable<K> resources, Object lease, String container, Function<K, String> describe)
            throws CapabilityUnavailableException {
        for (K resource : resources) {
            Holder holder = holders.get(resource);
            if (holder != null) {
                throw new CapabilityUnavailableException(describe.apply(resource) + " is owned by container "
                        + holder.container() + "; it has one owner at a time, stop that container first");
            }
        }
        resources.forEach(resource -> holders.put(resource, new Holder(lease, container)));
    }

    public synchronized void releaseAll(Object lease) {
        holders.values().removeIf(holder -> holder.lease() == lease);
    }
}
