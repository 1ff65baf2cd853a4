package dev.skiff.protocols.fleet;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The MQTT topics of the fleet control plane (see {@code docs/fleet.md}). Every topic is under
 * {@code skiff/v1/devices/DEVICE/}; the device id is the agent's device name.
 */
public final class FleetTopics {
    /** QoS of every fleet message: at least once; payloads are whole states, so a duplicate is harmless. */
    public static final int QOS = 1;
    private static final String PREFIX = "skiff/v1/devices/";
    private static final Pattern DEVICE_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
    private static final Pattern DEVICE_TOPIC = Pattern.compile(Pattern.quote(PREFIX) + "([^/]+)/(reported|desired|availability)");

    /** Subscribes the operator to every device's reported state. */
    public static final String ALL_REPORTED = PREFIX + "+/reported";
    /** Subscribes the operator to every device's availability. */
    public static final String ALL_AVAILABILITY = PREFIX + "+/availability";

    private FleetTopics() {}

    /** Retained, published by the device: {@link ReportedState}. */
    public static String reported(String device) {
        return PREFIX + checkedId(device) + "/reported";
    }

    /** Retained, published by the operator: {@link DesiredState}. */
    public static String desired(String device) {
        return PREFIX + checkedId(device) + "/desired";
    }

    /** Retained, published by the device: {@link Availability}; the broker publishes the offline one as its last will. */
    public static String availability(String device) {
        return PREFIX + checkedId(device) + "/availability";
    }

    /** The device a per-device topic belongs to, if it is one. */
    public static Optional<String> deviceOf(String topic) {
        Matcher m = DEVICE_TOPIC.matcher(topic);
        return m.matches() ? Optional.of(m.group(1)) : Optional.empty();
    }

    /** @throws IllegalArgumentException when the id cannot be one topic level */
    public static String checkedId(String device) {
        if (device == null || !DEVICE_ID.matcher(device).matches()) {
            throw new IllegalArgumentException("'" + device + "' cannot be a fleet device id: letters, digits, '.', '_' or '-', at most 64,"
                    + " starting with a letter or digit (set device-name in the agent's config)");
        }
        return device;
    }
}
