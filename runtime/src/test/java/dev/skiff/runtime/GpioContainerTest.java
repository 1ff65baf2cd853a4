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
import dev.skiff.runtime.engine.ExecutionMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Containers on a simulated board: examples/blinky, line ownership, shutdown levels, admission. */
class GpioContainerTest {
    static final GpioLine GPIO17 = new GpioLine("gpiochip0", 17);
    /** LED on GPIO17, low while the app runs it, high once it has ended: shows the shutdown level. */
    static final CapabilityGrants LED_HIGH_AT_SHUTDOWN = new CapabilityGrants(Map.of(
            "LED", new GpioGrant.Output("gpiochip0", 17, Level.LOW, Level.HIGH, GpioGrant.UNLIMITED)));

    final SimulatedBoard board = new SimulatedBoard();
    final GpioHost gpio = new GpioHost(board);

    Fixtures.Run blinky(String name, CapabilityGrants grants, String toggles) {
        return new Fixtures.Run("blinky", toggles).capabilities(gpio.hostModules(name, grants));
    }

    @Test
    void blinkyTogglesTheLedAtThePeriodInItsSource() throws Exception {
        Path source = Fixtures.root().resolve("examples/blinky/blinky.c");
        Matcher period = Pattern.compile("#define TOGGLE_PERIOD_MS (\\d+)").matcher(Files.readString(source));
        assertTrue(period.find(), "blinky.c defines TOGGLE_PERIOD_MS");
        long periodMs = Long.parseLong(period.group(1));
        CapabilityGrants grants = ManifestParser.parse(
                Files.readString(source.resolveSibling("skiff.yaml")), "skiff.yaml").capabilities();

        Fixtures.Result result = blinky("blinky", grants, "6").run(Fixtures.SANDBOX);

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
    void ungrantedLabelIsPinNotAllowedForTheGuest() throws Exception {
        var lampOnly = new CapabilityGrants(Map.of(
                "LAMP", new GpioGrant.Output("gpiochip0", 17, Level.LOW, Level.LOW, GpioGrant.UNLIMITED)));
        Fixtures.Result result = blinky("blinky", lampOnly, "1").run(Fixtures.SANDBOX);
        assertEquals(1, result.exitCode());
        assertTrue(result.stderr().contains("cannot get LED: pin-not-allowed"), result.stderr());
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
    void linesReturnToTheirShutdownLevelAfterATrap() throws Exception {
        byte[] traps = TinyWasm.module(List.of(), 0x00); // _start: unreachable
        PreparedModule module = Fixtures.SANDBOX.prepare(traps, ExecutionMode.COMPILED);
        var spec = AdmissionTest.spec(gpio.hostModules("trapper", LED_HIGH_AT_SHUTDOWN));
        assertEquals(Level.LOW, board.level(GPIO17));

        ContainerState end = Fixtures.SANDBOX.create(module, spec).run();

        assertInstanceOf(ContainerState.Failed.class, end);
        assertEquals(Level.HIGH, board.level(GPIO17));
        Fixtures.SANDBOX.create(module, AdmissionTest.spec(gpio.hostModules("next", LED_HIGH_AT_SHUTDOWN)));
    }

    @Test
    void gpioImportWithoutAGrantIsRefusedNamingImportAndGrant() {
        var e = assertThrows(AdmissionException.class,
                () -> blinky("blinky", CapabilityGrants.NONE, "1").create(Fixtures.SANDBOX));
        assertTrue(e.getMessage().contains("wasi:gpio/digital@0.2.0.[static]digital-out-pin.get"), e.getMessage());
        assertTrue(e.getMessage().contains("capabilities: {gpio:"), e.getMessage());
    }
}
