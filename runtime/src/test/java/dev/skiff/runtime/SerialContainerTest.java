package dev.skiff.runtime;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.skiff.protocols.manifest.CapabilityGrants;
import dev.skiff.protocols.manifest.SerialGrant;
import dev.skiff.runtime.capability.serial.SerialHost;
import dev.skiff.runtime.capability.serial.SimulatedSerialPort;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** examples/uart-echo on simulated serial ports: the round trip, policy, ownership, and stopping a blocked read. */
class SerialContainerTest {
    static final String DEVICE = "/dev/ttyAMA0";
    static final CapabilityGrants UART = new CapabilityGrants(Map.of(),
            Map.of("UART", new SerialGrant(DEVICE, 115200, SerialGrant.Parity.NONE)));

    final SimulatedSerialPort ports = new SimulatedSerialPort();
    final SerialHost serial = new SerialHost(ports);

    Fixtures.Run echo(String container, CapabilityGrants grants, String... args) {
        return new Fixtures.Run("uart-echo", args).capabilities(serial.hostModules(container, grants));
    }

    @Test
    void uartEchoWritesBackWhatArrives() throws Exception {
        byte[] sent = "hello, serial \u0000\u00ff".getBytes(StandardCharsets.ISO_8859_1);
        ports.console(DEVICE).send(sent);
        Fixtures.Result result = echo("uart-echo", UART, Integer.toString(sent.length)).run(Fixtures.SANDBOX);

        assertEquals(0, result.exitCode(), result.stderr());
        assertArrayEquals(sent, ports.console(DEVICE).received());
        assertTrue(result.stderr().contains("echoed " + sent.length + " bytes"), result.stderr());
    }

    @Test
    void moduleImportingSerialWithoutAGrantIsRefusedNamingImportAndGrant() {
        var e = assertThrows(AdmissionException.class, () -> echo("uart-echo", CapabilityGrants.NONE).create(Fixtures.SANDBOX));
        assertTrue(e.getMessage().contains("skiff:serial/port@0.1.0.open"), e.getMessage());
        assertTrue(e.getMessage().contains("add capabilities.serial.NAME"), e.getMessage());
    }

    @Test
    void openingANameThatIsNotGrantedGetsNotGranted() throws Exception {
        CapabilityGrants gps = new CapabilityGrants(Map.of(),
                Map.of("GPS", new SerialGrant(DEVICE, 9600, SerialGrant.Parity.NONE)));
        Fixtures.Result result = echo("uart-echo", gps, "1").run(Fixtures.SANDBOX);
        assertEquals(2, result.exitCode(), result.stderr());
        assertEquals("uart-echo: cannot open UART: not-granted\n", result.stderr());
    }

    @Test
    void aDeviceHasOneOwnerUntilItStops() throws Exception {
        Container first = echo("echo-1", UART).create(Fixtures.SANDBOX).start();
        var e = assertThrows(AdmissionException.class, () -> echo("echo-2", UART).create(Fixtures.SANDBOX));
        assertTrue(e.getMessage().contains("serial device /dev/ttyAMA0 (granted as UART) is owned by container echo-1"),
                e.getMessage());
        first.stop(Duration.ofSeconds(2));
        echo("echo-2", UART).create(Fixtures.SANDBOX); // the device is free again
    }

    @Test
    void stoppingAGuestBlockedInAReadIsQuick() throws Exception {
        Fixtures.Run run = echo("uart-echo", UART);
        Container container = run.create(Fixtures.SANDBOX).start();
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!run.err.toString(StandardCharsets.UTF_8).contains("echoing UART")) {
            assertTrue(System.nanoTime() < deadline, "uart-echo did not open its port in 30 s");
            Thread.sleep(10);
        }
        Thread.sleep(200); // inside one of its 1 s reads, most likely; either way it reads again at once

        // Killed, not failed: a read that ignored the interrupt would outlive the grace period and be abandoned.
        ContainerState end = container.stop(Duration.ofSeconds(10));
        assertInstanceOf(ContainerState.Killed.class, end, end.describe());
    }

    @Test
    void grantsWithoutSerialGiveNoHostModule() {
        assertEquals(List.of(), serial.hostModules("app", CapabilityGrants.NONE));
    }
}
