package dev.skiff.runtime.capability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.skiff.protocols.manifest.CapabilityGrants;
import dev.skiff.protocols.manifest.GpioGrant;
import dev.skiff.protocols.manifest.GpioGrant.Level;
import dev.skiff.protocols.manifest.SerialGrant;
import dev.skiff.runtime.capability.gpio.GpioHost;
import dev.skiff.runtime.capability.gpio.SimulatedBoard;
import dev.skiff.runtime.capability.serial.SerialHost;
import dev.skiff.runtime.capability.serial.SimulatedSerialPort;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Host modules from grants of both kinds, and one owner per line and device across containers. */
class PeripheralsTest {
    static final CapabilityGrants BOTH = new CapabilityGrants(
            Map.of("LED", new GpioGrant.Output("gpiochip0", 17, Level.LOW, Level.LOW, GpioGrant.UNLIMITED)),
            Map.of("GPS", new SerialGrant("/dev/ttyAMA0", 9600, SerialGrant.Parity.NONE)));

    final Peripherals peripherals = new Peripherals(Optional.of(new SimulatedBoard()), new SimulatedSerialPort(), "give it a board");

    @Test
    void grantsOfBothKindsLinkBothHosts() throws Exception {
        var names = peripherals.hostModules("app-1", BOTH).stream().map(HostModule::name).toList();
        assertTrue(names.contains(SerialHost.PORT), names.toString());
        assertTrue(names.containsAll(GpioHost.MODULES), names.toString());
        assertEquals(0, peripherals.hostModules("app-1", CapabilityGrants.NONE).size());
    }

    @Test
    void aSecondContainerCannotTakeALineOrDeviceTheFirstHolds() throws Exception {
        var first = peripherals.hostModules("app-1", BOTH);
        for (HostModule module : first) {
            module.lease().acquire();
        }
        assertEquals(Map.of("/dev/ttyAMA0", "app-1"), peripherals.serialHolders());
        var second = peripherals.hostModules("app-2", BOTH);
        var e = assertThrows(CapabilityUnavailableException.class, () -> {
            for (HostModule module : second) {
                module.lease().acquire();
            }
        });
        assertTrue(e.getMessage().contains("is owned by container app-1; it has one owner at a time"), e.getMessage());
        first.forEach(module -> module.lease().release());
        assertEquals(Map.of(), peripherals.serialHolders());
        for (HostModule module : second) {
            module.lease().acquire(); // free again once the first let go
        }
    }

    @Test
    void aSerialDeviceHasOneOwnerWhateverAliasItIsGrantedBy(@TempDir Path dev) throws Exception {
        Path port = Files.createFile(dev.resolve("ttyS0"));
        Path alias = Files.createSymbolicLink(dev.resolve("serial0"), port);
        var first = peripherals.hostModules("app-1", serial(port));
        first.getFirst().lease().acquire();
        assertEquals(Map.of(port.toRealPath().toString(), "app-1"), peripherals.serialHolders());
        var second = peripherals.hostModules("app-2", serial(alias));
        var e = assertThrows(CapabilityUnavailableException.class, () -> second.getFirst().lease().acquire());
        assertTrue(e.getMessage().contains("is owned by container app-1"), e.getMessage());
    }

    private static CapabilityGrants serial(Path device) {
        return new CapabilityGrants(Map.of(), Map.of("GPS", new SerialGrant(device.toString(), 9600, SerialGrant.Parity.NONE)));
    }

    @Test
    void gpioGrantsWithoutABackendAreRefusedWithTheRemedy() {
        var none = new Peripherals(Optional.empty(), new SimulatedSerialPort(), "give it a board");
        var e = assertThrows(CapabilityUnavailableException.class, () -> none.hostModules("app-1", BOTH));
        assertEquals("app-1 is granted GPIO lines [LED]; give it a board", e.getMessage());
    }
}
