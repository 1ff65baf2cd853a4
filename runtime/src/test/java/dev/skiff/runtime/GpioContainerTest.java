package dev.skiff.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.skiff.protocols.manifest.CapabilityGrants;
import dev.skiff.protocols.manifest.GpioGrant;
import dev.skiff.protocols.manifest.GpioGrant.Level;
import dev.skiff.protocols.manifest.ManifestParser;
import dev.skiff.runtime.capability.gpio.GpioHost;
import dev.skiff.runtime.capability.gpio.GpioLine;
import dev.skiff.runtime.capability.gpio.ObservableBoard;
import dev.skiff.runtime.capability.gpio.PinChange;
import dev.skiff.runtime.engine.ProbeResult;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Real guests (examples/blinky, button-led, gpio-probe) on a board: policy, ownership, shutdown,
 * rate limit, edge waits. Runs once per backend (see the subclasses): the same guests must behave
 * the same on the simulated board and through Pi4J.
 */
abstract class GpioContainerTest {
    static final GpioLine GPIO17 = new GpioLine("gpiochip0", 17);
    static final GpioLine GPIO27 = new GpioLine("gpiochip0", 27);
    /** LED on GPIO17, low while the app runs it, high once it has ended: shows the shutdown level. */
    static final CapabilityGrants LED_HIGH_AT_SHUTDOWN = new CapabilityGrants(Map.of(
            "LED", new GpioGrant.Output("gpiochip0", 17, Level.LOW, Level.HIGH, GpioGrant.UNLIMITED)));

    final ObservableBoard board = newBoard();
    final GpioHost gpio = new GpioHost(board);

    abstract ObservableBoard newBoard();

    @AfterEach
    void closeBoard() throws Exception {
        if (board instanceof AutoCloseable closeable) {
            closeable.close();
        }
    }

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
    void buttonLedFollowsTheButtonWithinTenMillisecondsAtP99() throws Exception {
        var ledChanges = new LinkedBlockingQueue<Long>();
        board.addListener(change -> {
            if (change.line().equals(GPIO17)) {
                ledChanges.add(System.nanoTime());
            }
        });
        int warmup = 50;
        int presses = 300;
        Container app = new Fixtures.Run("button-led")
                .capabilities(gpio.hostModules("button-led", grantsOf("button-led"))).create(Fixtures.SANDBOX).start();
        long[] latencies = new long[2 * presses];
        for (int i = 0; i < 2 * (warmup + presses); i++) {
            Thread.sleep(1); // let the guest block in its wait: the latency measured is a wake-up's
            long driven = System.nanoTime();
            board.drive(GPIO27, i % 2 == 0 ? Level.HIGH : Level.LOW);
            Long followed = ledChanges.poll(5, TimeUnit.SECONDS);
            assertNotNull(followed, "the LED did not follow button change " + i);
            if (i >= 2 * warmup) {
                latencies[i - 2 * warmup] = followed - driven;
            }
        }
        assertInstanceOf(ContainerState.Killed.class, app.stop(Duration.ofSeconds(2)));
        Arrays.sort(latencies);
        double p50 = latencies[latencies.length / 2] / 1e6;
        double p99 = latencies[(int) Math.ceil(latencies.length * 0.99) - 1] / 1e6;
        System.out.printf(Locale.ROOT, "button-led: LED followed the button in p50 %.3f ms, p99 %.3f ms, max %.3f ms (%d changes)%n",
                p50, p99, latencies[latencies.length - 1] / 1e6, latencies.length);
        assertTrue(p99 <= 10, "the LED followed the button in " + p99 + " ms at p99; the target is 10 ms");
    }

    /** LED low while the probe runs and high once it ended, BUTTON to wait on. */
    static final CapabilityGrants WAIT_PROBE = new CapabilityGrants(Map.of(
            "LED", new GpioGrant.Output("gpiochip0", 17, Level.LOW, Level.HIGH, GpioGrant.UNLIMITED),
            "BUTTON", new GpioGrant.Input("gpiochip0", 27, GpioGrant.UNLIMITED)));

    /** Starts the probe with {@code args} and returns once it has armed its edge watch. */
    Container armedProbe(Fixtures.Run run, CapabilityGrants grants) throws Exception {
        Container container = run.capabilities(gpio.hostModules("gpio-probe", grants)).create(Fixtures.SANDBOX).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!run.out.toString(StandardCharsets.UTF_8).contains("armed\n")) {
            assertTrue(System.nanoTime() < deadline, "the probe did not arm its watch: " + run.err);
            Thread.sleep(2);
        }
        return container;
    }

    @Test
    void stoppingAContainerBlockedInAnEdgeWaitTakesUnder100MsAndRestoresShutdownLevels() throws Exception {
        // the median of 5 stops, so one scheduling hiccup of a loaded machine does not decide; a wait
        // that ignored the interrupt would hold every stop for its 2 s grace period
        double[] millis = new double[5];
        for (int i = 0; i < millis.length; i++) {
            Container waiting = armedProbe(new Fixtures.Run("gpio-probe", "wait", "edge", "-1"), WAIT_PROBE);
            Thread.sleep(50); // well inside the wait
            long start = System.nanoTime();
            ContainerState end = waiting.stop(Duration.ofSeconds(2));
            millis[i] = (System.nanoTime() - start) / 1e6;
            assertInstanceOf(ContainerState.Killed.class, end);
            assertEquals(Level.HIGH, board.level(GPIO17), "LED back at its shutdown level");
        }
        System.out.printf(Locale.ROOT, "stop during an edge wait took %s ms%n", Arrays.toString(millis));
        Arrays.sort(millis);
        assertTrue(millis[2] < 100, "stopping a container blocked in an edge wait took " + millis[2] + " ms (median)");
        probe("get", "in", "BUTTON"); // the lines are free again
    }

    @Test
    void healthProbesAreAnsweredWhileTheGuestWaitsForAnEdge() throws Exception {
        Container waiting = armedProbe(new Fixtures.Run("gpio-probe", "wait", "edge", "-1"), WAIT_PROBE);
        Thread.sleep(50); // well inside the wait
        for (int i = 0; i < 3; i++) {
            assertEquals(new ProbeResult.Answered(0), waiting.probe("health", Duration.ofSeconds(5)));
        }
        board.drive(GPIO27, Level.HIGH);
        assertEquals(0, waiting.awaitEnd(Duration.ofSeconds(10)).exitCode(), "the wait still ends at the edge");
        assertTrue(waiting.spec().stdout().toString().contains("wait=ok"));
    }

    @Test
    void linesReturnToTheirShutdownLevelWhenTheGuestTrapsAfterAnEdgeWait() throws Exception {
        Container trapping = armedProbe(new Fixtures.Run("gpio-probe", "wait-trap"), grantsOf("gpio-probe"));
        assertEquals(Level.HIGH, board.level(GPIO17), "the guest set its LED");
        board.drive(GPIO27, Level.HIGH);
        assertInstanceOf(ContainerState.Failed.class, trapping.awaitEnd(Duration.ofSeconds(10)));
        assertEquals(Level.LOW, board.level(GPIO17), "the LED is back at the grant's shutdown level");
    }

    @Test
    void anEdgeWaitEndsAtItsTimeoutOrAtTheEdge() throws Exception {
        assertEquals("armed\nwait=timeout\n", probe("wait", "rising", "50").stdout());
        Container waiting = armedProbe(new Fixtures.Run("gpio-probe", "wait", "falling", "10000"), WAIT_PROBE);
        board.drive(GPIO27, Level.HIGH);
        board.drive(GPIO27, Level.LOW);
        assertEquals(0, waiting.awaitEnd(Duration.ofSeconds(5)).exitCode());
    }

    @Test
    void gpioImportWithoutAGrantIsRefusedNamingImportAndGrant() {
        var e = assertThrows(AdmissionException.class,
                () -> blinky("blinky", CapabilityGrants.NONE, "1").create(Fixtures.SANDBOX));
        assertTrue(e.getMessage().contains("wasi:gpio/digital@0.2.0.[static]digital-out-pin.get"), e.getMessage());
        assertTrue(e.getMessage().contains("capabilities: {gpio:"), e.getMessage());
    }
}
