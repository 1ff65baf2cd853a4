package dev.skiff.agent.client;

import dev.skiff.agent.pki.KeyPin;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * A device the operator enrolled, as {@code $SKIFF_HOME/devices.json} keeps it.
 *
 * @param address {@code HOST:PORT} of its API
 * @param keyPin {@code sha256:HEX} of the device's public key: the CLI talks only to the holder of that key
 * @param enrolledAt RFC 3339
 */
public record DeviceRecord(String name, String address, String keyPin, String enrolledAt) {

    /** A device enrolled just now, to the second. */
    public static DeviceRecord enrolledNow(String name, String address, KeyPin pin) {
        return new DeviceRecord(name, address, pin.toString(), Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
    }
}
