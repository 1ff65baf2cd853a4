package dev.skiff.runtime.capability.serial;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The listing reads a sysfs tree: here one laid out as a Raspberry Pi with a USB adapter shows it. */
class LocalSerialPortsTest {
    @TempDir Path sys;

    @Test
    void listsTtysWithADeviceAndAUartButNotConsolesOrEmptyPortAddresses() throws Exception {
        tty("ttyAMA0", "device", null);
        tty("ttyUSB0", "device", null);
        tty("ttyS0", "device", "4\n");
        tty("ttyS1", "device", "0\n"); // an 8250 address where no UART answered
        tty("tty1", null, null); // a virtual console
        tty("ptmx", null, null);
        assertEquals(List.of("/dev/ttyAMA0", "/dev/ttyS0", "/dev/ttyUSB0"), LocalSerialPorts.list(sys));
    }

    @Test
    void aMachineWithoutSysfsListsNone() {
        assertEquals(List.of(), LocalSerialPorts.list(sys.resolve("absent")));
    }

    private void tty(String name, String device, String type) throws Exception {
        Path dir = Files.createDirectories(sys.resolve(name));
        if (device != null) {
            Files.createDirectory(dir.resolve(device));
        }
        if (type != null) {
            Files.writeString(dir.resolve("type"), type);
        }
    }
}
