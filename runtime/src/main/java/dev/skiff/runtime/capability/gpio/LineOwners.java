package dev.skiff.runtime.capability.gpio;

import dev.skiff.runtime.capability.CapabilityUnavailableException;
import java.util.HashMap;
import java.util.Map;

/** Which container owns each line, across every container of a process: one owner per line. */
final class LineOwners {
    private record Owner(GpioSession session, String container) {}

    private final Map<GpioLine, Owner> owners = new HashMap<>();

    /** Claims all the lines (by label) for {@code session}, or none when one is taken. */
    synchronized void claimAll(Map<GpioLine, String> labels, GpioSession session, String container)
            throws CapabilityUnavailableException {
        for (var entry : labels.entrySet()) {
            Owner owner = owners.get(entry.getKey());
            if (owner != null) {
                throw new CapabilityUnavailableException("GPIO line " + entry.getKey() + " (granted as "
                        + entry.getValue() + ") is owned by container " + owner.container()
                        + "; a line has one owner at a time, stop that container first");
            }
        }
        labels.keySet().forEach(line -> owners.put(line, new Owner(session, container)));
    }

    synchronized void releaseAll(GpioSession session) {
        owners.values().removeIf(owner -> owner.session() == session);
    }
}
