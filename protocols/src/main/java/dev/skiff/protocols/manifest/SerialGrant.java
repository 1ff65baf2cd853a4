package dev.skiff.protocols.manifest;

import java.util.Locale;

/**
 * One serial port an app may open, under a name of its choosing. Line settings belong to the
 * grant, not the guest: the app reads and writes bytes, the device's wiring decides the speed.
 *
 * @param device the host's serial device, e.g. {@code /dev/ttyAMA0}; {@code skiff run --serial}
 *     and a deployment may bind the name to another device
 * @param baud bits per second
 * @param parity parity bit of every 8-bit character (one stop bit)
 */
public record SerialGrant(String device, int baud, Parity parity) {
    public static final int DEFAULT_BAUD = 9600;

    public enum Parity {
        NONE,
        EVEN,
        ODD;

        public String yaml() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** The same grant on another device. */
    public SerialGrant onDevice(String otherDevice) {
        return new SerialGrant(otherDevice, baud, parity);
    }
}
