package dev.skiff.protocols.fleet;

/** Whether a device is connected to the broker; the {@code online: false} one is its last will. */
public record Availability(boolean online) {
    public static final Availability ONLINE = new Availability(true);
    public static final Availability OFFLINE = new Availability(false);
}
