package dev.skiff.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.skiff.protocols.manifest.CapabilityGrants;
import dev.skiff.protocols.manifest.GpioGrant;
import dev.skiff.protocols.manifest.GpioGrant.Level;
import dev.skiff.protocols.manifest.ManifestParser;
import dev.skiff.runtime.capability.gpio.GpioHost;
import dev.skiff.runtime.capability.gpio.GpioLine;
import dev.skiff.runtime.capability.gpio.PinChange;
import dev.skiff.runtime.capability.gpio.SimulatedBoard;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Real guests (examples/blinky, examples/gpio-probe) on a simulated board: policy, ownership, shutdown, rate limit. */
class GpioContainerTest {
    static final GpioLine GPIO17 = new GpioLine("gpiochip0", 17);
    static final GpioLine GPIO27 = new GpioLine("gpiochip0", 27);
    /** LED on GPIO17, low while the app runs it, high once it has ended: shows the shutdown level. */
    static final CapabilityGrants LED_HIGH_AT_SHUTDOWN = new CapabilityGrants(Map.of(
            "LED", new GpioGrant.Output("gpiochip0", 17, Level.LOW, Level.HIGH, GpioGrant.UNLIMITED)));

    final SimulatedBoard board = new SimulatedBoard();
    final GpioHost gpio = new GpioHost(board);

    Fixtures.Result probe(String... args) throws Exception {
        return new Fixtures.Run("gpio-probe", args)
                .capabilities(gpio.hostModules("gpio-probe", grantsOf("gpio-probe")))
                .run(Fixtures.SANDBOX);
    }

    static CapabilityGrants grantsOf(String example) throws Exception {
        Path file = Fixtures.root().resolve("examples").resolve(example).resolve("skiff.yaml");
        return ManifestParser.parse(Files.readString(file), file.toString()).capabilities();
    }

    Fixtures.Run blinky(String name, CapabilityGrants grants, String toggles) {
        return new Fixtures.Run("blinky", toggles).capabilities(gpio.hostModules(name, grants));
    }

    @Test
    void blinkyTogglesTheLedAtThePeriodInItsSource() throws Exception {
        Path source = Fixtures.root().resolve("examples/blinky/blinky.c");
        Matcher period = Pattern.compile("#define TOGGLE_PERIOD_MS (\\d+)").matcher(Files.readString(source));
        assertTrue(period.find(), "blinky.c defines TOGGLE_PERIOD_MS");
        long periodMs = Long.parseLong(period.group(1));
        Fixtures.Result result = blinky("blinky", grantsOf("blinky"), "6").run(Fixtures.SANDBOX);

        assertEquals(0, result.exitCode(), result.stderr());
        List<PinChange> changes = board.timeline().stream().filter(c -> c.line().equals(GPIO17)).toList();
        assertEquals(6, changes.size(), changes.toString());
        for (int i = 0; i < changes.size(); i++) {
            assertEquals(i % 2 == 0 ? Level.HIGH : Level.LOW, changes.get(i).level());
        }
        double meanMs = changes.getLast().at().minus(changes.getFirst().at()).toNanos() / 1e6 / (changes.size() - 1);
        assertTrue(Math.abs(meanMs - periodMs) <= periodMs * 0.2,
                "LED toggled every " + meanMs + " ms on average; the source says " + periodMs + " ms");
    }

    @Test
    void secondContainerClaimingAnOwnedLineIsRefusedUntilTheOwnerStops() throws Exception {
        Container first = blinky("blinky-1", LED_HIGH_AT_SHUTDOWN, "0").create(Fixtures.SANDBOX).start();
        var e = assertThrows(AdmissionException.class,
                () -> blinky("blinky-2", LED_HIGH_AT_SHUTDOWN, "0").create(Fixtures.SANDBOX));
        assertTrue(e.getMessage().contains("GPIO line GPIO17 (granted as LED) is owned by container blinky-1"), e.getMessage());

        ContainerState end = first.stop(Duration.ofSeconds(2));
        assertInstanceOf(ContainerState.Killed.class, end);
        assertEquals(Level.HIGH, board.level(GPIO17), "shutdown level after a stop");
        blinky("blinky-2", LED_HIGH_AT_SHUTDOWN, "0").create(Fixtures.SANDBOX); // the line is free again
    }

    @Test
    void guestSeesPinNotAllowedAndPinModeNotAllowed() throws Exception {
        assertEquals("get=pin-not-allowed\n", probe("get", "out", "GPIO4").stdout());
        assertEquals("get=pin-mode-not-allowed\n", probe("get", "in", "LED").stdout());
        assertEquals("get=pin-mode-not-allowed\n", probe("get", "out", "BUTTON").stdout());
        assertEquals("get=ok\n", probe("get", "in", "BUTTON").stdout());
    }

    @Test
    void guestReadsWhatTheBoardIsDrivenTo() throws Exception {
        board.drive(GPIO27, Level.HIGH);
        assertEquals("level=1\n", probe("read").stdout());
        board.drive(GPIO27, Level.LOW);
        assertEquals("level=0\n", probe("read").stdout());
    }

    @Test
    void tightToggleLoopIsHeldToMaxWritesPerSecond() throws Exception {
        Fixtures.Result result = probe("toggle", "31"); // the probe's grant: 100 writes/s
        assertEquals("toggled=31\n", result.stdout());
        List<PinChange> changes = board.timeline().stream().filter(c -> c.line().equals(GPIO17)).toList();
        assertEquals(30, changes.size(), "the first write sets the initial low again");
        double seconds = changes.getLast().at().minus(changes.getFirst().at()).toNanos() / 1e9;
        double rate = (changes.size() - 1) / seconds;
        assertTrue(rate <= 100 * 1.05, "a tight loop wrote " + rate + " times per second; the grant allows 100");
    }

    @Test
    void linesReturnToTheirShutdownLevelAfterATrap() throws Exception {
        Fixtures.Result result = probe("trap");
        assertInstanceOf(ContainerState.Failed.class, result.state());
        assertEquals(List.of(Level.HIGH, Level.LOW), board.timeline().stream().map(PinChange::level).toList(),
                "the guest set the LED, the trap put it back to its shutdown level");
        probe("get", "out", "LED"); // the line is free again
    }

    @Test
    void gpioImportWithoutAGrantIsRefusedNamingImportAndGrant() {
        var e = assertThrows(AdmissionException.class,
                () -> blinky("blinky", CapabilityGrants.NONE, "1").create(Fixtures.SANDBOX));
        assertTrue(e.getMessage().contains("wasi:gpio/digital@0.2.0.[static]digital-out-pin.get"), e.getMessage());
        assertTrue(e.getMessage().contains("capabilities: {gpio:"), e.getMessage());
    }
}
