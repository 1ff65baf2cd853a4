package dev.skiff.protocols.manifest;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Boards Skiff knows by name, and how their header lines are named. The Raspberry Pi 4 and 5
 * share the 40-pin header: {@code GPIO17} is BCM line 17, {@code PIN11} the line on physical pin
 * 11 (also BCM 17). They differ in the chip behind it: the Pi 4's SoC ({@code pinctrl-bcm2711},
 * gpiochip0); the Pi 5's RP1 ({@code pinctrl-rp1}: gpiochip4 before Linux 6.6.45, gpiochip0
 * since). Grants name the header's chip {@link GpioGrant#DEFAULT_CHIP} either way; the backend
 * finds the chip by its label.
 */
public enum BoardProfile {
    RASPBERRY_PI_4("pinctrl-bcm2711"),
    RASPBERRY_PI_5("pinctrl-rp1");

    /** BCM line of each physical header pin (index 1 to 40); -1 for power and ground pins. */
    private static final int[] RASPBERRY_PI_HEADER = {-1,
        -1, -1, 2, -1, 3, -1, 4, 14, -1, 15, 17, 18, 27, -1, 22, 23, -1, 24, 10, -1,
        9, 25, 11, 8, -1, 7, 0, 1, 5, -1, 6, 12, 13, -1, 19, 16, 26, 20, -1, 21};
    private static final int HEADER_LINES = 28;

    private final String chipLabel;

    BoardProfile(String chipLabel) {
        this.chipLabel = chipLabel;
    }

    /** The label of the GPIO chip behind the header, as {@code gpiodetect} shows it. */
    public String chipLabel() {
        return chipLabel;
    }

    /** As written in configs: {@code raspberry-pi-4}. */
    public String yaml() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** @throws IllegalArgumentException naming the known profiles */
    public static BoardProfile of(String name) {
        for (BoardProfile profile : values()) {
            if (profile.yaml().equals(name)) {
                return profile;
            }
        }
        throw new IllegalArgumentException("board '" + name + "' is not one of "
                + Arrays.stream(values()).map(BoardProfile::yaml).collect(Collectors.joining(", ")));
    }

    /**
     * The header line (on {@link GpioGrant#DEFAULT_CHIP}) that {@code name} names: a BCM number
     * ({@code 17}), a header name ({@code GPIO17}) or a physical pin ({@code PIN11}).
     *
     * @throws IllegalArgumentException saying what is wrong with the name
     */
    public int line(String name) {
        return headerLine(name);
    }

    /** {@link #line} for the 40-pin header every Raspberry Pi profile shares. */
    public static int headerLine(String name) {
        String upper = name.toUpperCase(Locale.ROOT);
        if (upper.startsWith("PIN")) {
            int pin = digits(name, upper.substring(3));
            if (pin < 1 || pin > 40 || RASPBERRY_PI_HEADER[pin] < 0) {
                throw new IllegalArgumentException("'" + name + "' is not a GPIO pin of the 40-pin header"
                        + " (pins 1-40; power and ground pins have no line)");
            }
            return RASPBERRY_PI_HEADER[pin];
        }
        int line = digits(name, upper.startsWith("GPIO") ? upper.substring(4) : upper);
        if (line < 0 || line >= HEADER_LINES) {
            throw new IllegalArgumentException("'" + name + "' is not a header line: GPIO0 to GPIO" + (HEADER_LINES - 1));
        }
        return line;
    }

    private static int digits(String name, String digits) {
        if (digits.isEmpty() || digits.length() > 3 || !digits.chars().allMatch(Character::isDigit)) {
            throw new IllegalArgumentException("'" + name + "' is not a line: give a number (17),"
                    + " a header name (GPIO17) or a physical pin (PIN11)");
        }
        return Integer.parseInt(digits);
    }
}
