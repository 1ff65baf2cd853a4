package dev.skiff.fleet;

import java.util.HashMap;
import java.util.Map;

/**
 * What the rollout engine has seen of each device's availability: whether it is online now,
 * since when it has been offline (a device offline for {@link #AWAY_AFTER_MS} is away, not just
 * reconnecting), and when it was last seen offline (its health timeout counts from its return).
 */
final class DevicePresence {
    /** How long a device must have been offline to count as away rather than reconnecting. */
    static final long AWAY_AFTER_MS = 10_000;

    private final Inventory inventory;
    private final Map<String, Long> lastOffline = new HashMap<>();
    private final Map<String, Long> offlineSince = new HashMap<>();

    DevicePresence(Inventory inventory) {
        this.inventory = inventory;
    }

    /** Notes the device's availability now. */
    void observe(String device, long now) {
        if (online(device)) {
            offlineSince.remove(device);
        } else {
            lastOffline.put(device, now);
            offlineSince.putIfAbsent(device, now);
        }
    }

    boolean online(String device) {
        return inventory.find(device).map(DeviceView::online).orElse(false);
    }

    /** Offline for a while, as of the last {@link #observe}. */
    boolean away(String device) {
        Long since = offlineSince.get(device);
        return since != null && System.currentTimeMillis() - since >= AWAY_AFTER_MS;
    }

    /** When the device was last seen offline (epoch ms), 0 if never. */
    long lastOffline(String device) {
        return lastOffline.getOrDefault(device, 0L);
    }
}
