package dev.skiff.runtime.capability.gpio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.skiff.protocols.manifest.CapabilityGrants;
import dev.skiff.protocols.manifest.GpioGrant;
import dev.skiff.protocols.manifest.GpioGrant.Level;
import dev.skiff.runtime.capability.HostFunction;
import dev.skiff.runtime.capability.HostModule;
import dev.skiff.runtime.capability.GuestTrap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Edge waits as a guest makes them: watch-*-edge pollables, wasi:io/poll and the monotonic clock. */
class EdgeWaitTest {
    static final GpioLine BUTTON = new GpioLine("gpiochip0", 27);
    static final GpioLine SLOW = new GpioLine("gpiochip0", 22);
    static final int LABEL = 0x100;
    static final int FLAGS = 0x200;
    static final int RET = 0x300;
    static final int LIST = 0x400;

    final SimulatedBoard board = new SimulatedBoard();
    final ArrayMemory memory = new ArrayMemory();
    final Map<String, HostFunction> functions = new HashMap<>();
    List<HostModule> modules;

    @BeforeEach
    void grantButtons() throws Exception {
        modules = new GpioHost(board).hostModules("test", new CapabilityGrants(Map.of(
                "BUTTON", new GpioGrant.Input("gpiochip0", 27, GpioGrant.UNLIMITED),
                "SLOW", new GpioGrant.Input("gpiochip0", 22, 10))));
        modules.getFirst().lease().acquire();
        modules.forEach(m -> m.functions().forEach(f -> functions.put(m.name() + " " + f.name(), f)));
    }

    @AfterEach
    void release() {
        modules.getFirst().lease().release();
    }

    long[] call(String name, long... args) {
        HostFunction function = functions.get(name);
        if (function == null) {
            throw new AssertionError("no host function " + name + " in " + functions.keySet());
        }
        return function.body().call(memory, args);
    }

    int in(String label, int flag) {
        int length = memory.putString(LABEL, label);
        memory.write(FLAGS, new byte[] {(byte) flag});
        call(GpioHost.DIGITAL + " [static]digital-in-pin.get", LABEL, length, FLAGS, 1, RET);
        assertEquals(0, memory.byteAt(RET), "get " + label);
        return memory.readI32(RET + 4);
    }

    int watch(int pin, String edge) {
        call(GpioHost.DIGITAL + " [method]digital-in-pin.watch-" + edge + "-edge", pin, RET);
        assertEquals(0, memory.byteAt(RET), "watch-" + edge + "-edge");
        return memory.readI32(RET + 4);
    }

    boolean ready(int pollable) {
        return call("wasi:io/poll@0.2.0 [method]pollable.ready", pollable)[0] == 1;
    }

    /** Calls poll with {@code pollables}; returns the ready indices it wrote. */
    List<Integer> poll(int... pollables) {
        for (int i = 0; i < pollables.length; i++) {
            memory.writeI32(LIST + 4 * i, pollables[i]);
        }
        call("wasi:io/poll@0.2.0 poll", LIST, pollables.length, RET);
        int ptr = memory.readI32(RET);
        int len = memory.readI32(RET + 4);
        assertTrue(ptr >= ArrayMemory.HEAP, "the list lives in memory the guest allocated");
        return java.util.stream.IntStream.range(0, len).mapToObj(i -> memory.readI32(ptr + 4 * i)).toList();
    }

    int timer(long millis) {
        return (int) call("wasi:clocks/monotonic-clock@0.2.0 subscribe-duration",
                TimeUnit.MILLISECONDS.toNanos(millis))[0];
    }

    @Test
    void aWatchIsReadyFromTheNextMatchingEdgeOnly() {
        board.drive(BUTTON, Level.HIGH); // before the watch: does not count
        int button = in("BUTTON", DigitalFlags.ACTIVE_HIGH);
        int rising = watch(button, "rising");
        int falling = watch(button, "falling");
        assertEquals(false, ready(rising));
        board.drive(BUTTON, Level.LOW);
        assertEquals(false, ready(rising));
        assertEquals(true, ready(falling));
        board.drive(BUTTON, Level.HIGH);
        board.drive(BUTTON, Level.LOW);
        assertEquals(true, ready(rising), "stays ready once an edge came");
        call("wasi:io/poll@0.2.0 [resource-drop]pollable", rising);
        call("wasi:io/poll@0.2.0 [resource-drop]pollable", falling);
    }

    @Test
    void activeLowPinsWatchTheInvertedEdge() {
        int button = in("BUTTON", DigitalFlags.ACTIVE_LOW);
        int rising = watch(button, "rising");
        board.drive(BUTTON, Level.HIGH);
        assertEquals(false, ready(rising), "a high line is inactive for an active-low pin");
        board.drive(BUTTON, Level.LOW);
        assertEquals(true, ready(rising));
    }

    @Test
    void pollBlocksUntilAnEdgeAndReturnsTheReadyIndices() throws Exception {
        int button = in("BUTTON", DigitalFlags.ACTIVE_HIGH);
        int rising = watch(button, "rising");
        int never = timer(60_000);
        var polled = CompletableFuture.supplyAsync(() -> poll(never, rising));
        Thread.sleep(50);
        assertEquals(false, polled.isDone(), "poll waits while nothing is ready");
        board.drive(BUTTON, Level.HIGH);
        assertEquals(List.of(1), polled.get(5, TimeUnit.SECONDS));
    }

    @Test
    void aTimerEndsAPollWithoutAnEdge() {
        int button = in("BUTTON", DigitalFlags.ACTIVE_HIGH);
        int rising = watch(button, "rising");
        long start = System.nanoTime();
        assertEquals(List.of(1), poll(rising, timer(100)));
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        assertTrue(millis >= 99 && millis < 2_000, "a 100 ms timeout ended the poll after " + millis + " ms");
    }

    @Test
    void edgesAreDeliveredAtMostAtMaxEventsPerSecond() {
        int slow = in("SLOW", DigitalFlags.ACTIVE_HIGH); // 10 events/s: 100 ms apart
        int first = watch(slow, "rising");
        long start = System.nanoTime();
        board.drive(SLOW, Level.HIGH);
        assertEquals(true, ready(first), "the first edge comes at once");
        board.drive(SLOW, Level.LOW);
        int second = watch(slow, "rising");
        board.drive(SLOW, Level.HIGH); // held back to the first's slot + 100 ms
        assertEquals(List.of(0), poll(second));
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        assertTrue(millis >= 99 && millis < 2_000, "the second edge came " + millis + " ms after the first; 10/s spaces them 100 ms");
    }

    @Test
    void anInterruptEndsAWaitAtOnce() throws Exception {
        int rising = watch(in("BUTTON", DigitalFlags.ACTIVE_HIGH), "rising");
        var waiter = new CompletableFuture<Throwable>();
        Thread guest = Thread.ofPlatform().start(() -> {
            try {
                poll(rising);
                waiter.complete(null);
            } catch (RuntimeException e) {
                waiter.complete(e);
            }
        });
        Thread.sleep(50);
        long start = System.nanoTime();
        guest.interrupt();
        Throwable ended = waiter.get(5, TimeUnit.SECONDS);
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        assertTrue(ended instanceof CancellationException, String.valueOf(ended));
        // generous for a loaded machine; an uninterruptible wait would not end at all (5 s above)
        assertTrue(millis < 1_000, "the wait ended " + millis + " ms after the interrupt");
    }

    @Test
    void theContainerEndingEndsAWaitAndItsPollables() throws Exception {
        int rising = watch(in("BUTTON", DigitalFlags.ACTIVE_HIGH), "rising");
        var polled = CompletableFuture.supplyAsync(() -> poll(rising));
        Thread.sleep(50);
        modules.getFirst().lease().release();
        var e = assertThrows(ExecutionException.class, () -> polled.get(5, TimeUnit.SECONDS));
        assertTrue(e.getCause() instanceof CancellationException, e.toString());
        call("wasi:io/poll@0.2.0 [resource-drop]pollable", rising); // gone already: nothing to do
    }

    @Test
    void pinHandlesAreNotPollablesAndEmptyPollsTrap() {
        int button = in("BUTTON", DigitalFlags.ACTIVE_HIGH);
        assertThrows(GuestTrap.class, () -> ready(button));
        assertThrows(GuestTrap.class, () -> call("wasi:io/poll@0.2.0 poll", LIST, 0, RET));
        assertThrows(GuestTrap.class, () -> call("wasi:io/poll@0.2.0 [resource-drop]pollable", 99));
    }

    @Test
    void monotonicClockCountsNanosecondsForward() throws Exception {
        long before = call("wasi:clocks/monotonic-clock@0.2.0 now")[0];
        Thread.sleep(20);
        long after = call("wasi:clocks/monotonic-clock@0.2.0 now")[0];
        assertTrue(before >= 0 && after - before >= TimeUnit.MILLISECONDS.toNanos(19), before + " -> " + after);
        assertEquals(true, ready(timer(0)));
    }
}
