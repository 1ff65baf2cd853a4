package dev.skiff.runtime.capability;

import java.util.HashMap;
import java.util.Map;

/**
 * Which container holds each exclusive resource (a GPIO line, a serial device) across every container
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
     * @param grantNames each resource with the name the app's grant gives it
     * @param kind names the resources in the refusal: "serial device" gives "serial device
     *     /dev/ttyS0 (granted as GPS) is owned by ..."
     */
    public synchronized void claimAll(Map<K, String> grantNames, Object lease, String container, String kind)
            throws CapabilityUnavailableException {
        for (var entry : grantNames.entrySet()) {
            Holder holder = holders.get(entry.getKey());
            if (holder != null) {
                throw new CapabilityUnavailableException(kind + " " + entry.getKey() + " (granted as " + entry.getValue()
                        + ") is owned by container " + holder.container() + "; it has one owner at a time, stop that container first");
            }
        }
        grantNames.keySet().forEach(resource -> holders.put(resource, new Holder(lease, container)));
    }

    /** Every held resource with the container that holds it, as now. */
    public synchronized Map<K, String> holders() {
        Map<K, String> snapshot = new HashMap<>();
        holders.forEach((resource, holder) -> snapshot.put(resource, holder.container()));
        return snapshot;
    }

    public synchronized void releaseAll(Object lease) {
        holders.values().removeIf(holder -> holder.lease() == lease);
    }
}
