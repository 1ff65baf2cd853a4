package dev.skiff.runtime.capability.serial;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The serial ports this machine has, read from sysfs without opening any of them: opening a
 * port raises DTR, which resets an attached Arduino, so a listing must not. A tty counts when
 * it has a device behind it (virtual consoles and pseudo-terminals have none) and, for an
 * 8250-style port that reports a UART type, the type is not 0 (no UART found at that address).
 */
public final class LocalSerialPorts {
    private static final Path SYS_CLASS_TTY = Path.of("/sys/class/tty");

    private LocalSerialPorts() {}

    /** The ports as device paths ({@code /dev/ttyAMA0}), sorted; none where there is no sysfs. */
    public static List<String> list() {
        return list(SYS_CLASS_TTY);
    }

    /**
     * The device a path names, so one port is one port whatever alias names it ({@code /dev/serial0}
     * and the {@code /dev/ttyS0} it links to on a Raspberry Pi): owners are claimed and reported by
     * it. The path as given where it does not resolve (a missing device, whose open then fails).
     */
    public static String device(String path) {
        try {
            return Path.of(path).toRealPath().toString();
        } catch (IOException | InvalidPathException e) {
            return path;
        }
    }

    static List<String> list(Path sysClassTty) {
        if (!Files.isDirectory(sysClassTty)) {
            return List.of();
        }
        try (Stream<Path> ttys = Files.list(sysClassTty)) {
            return ttys.filter(tty -> Files.exists(tty.resolve("device")) && hasUart(tty))
                    .map(tty -> "/dev/" + tty.getFileName())
                    .sorted()
                    .toList();
        } catch (IOException e) {
            return List.of(); // sysfs unreadable: nothing can be said about the ports
        }
    }

    private static boolean hasUart(Path tty) {
        try {
            return !Files.isRegularFile(tty.resolve("type")) || !Files.readString(tty.resolve("type")).trim().equals("0");
        } catch (IOException e) {
            return true;
        }
    }
}
