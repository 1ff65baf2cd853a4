package dev.skiff.runtime.capability.gpio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.skiff.protocols.manifest.GpioGrant;
import dev.skiff.protocols.manifest.GpioGrant.Level;
import dev.skiff.runtime.capability.HostFunction;
import dev.skiff.runtime.capability.ExclusiveOwners;
import dev.skiff.runtime.capability.GuestTrap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The core-wasm functions of wasi:gpio/digital@0.2.0 as a guest calls them: ABI and policy. */
class DigitalInterfaceTest {
    static final GpioLine LED = new GpioLine("gpiochip0", 17);
    static final GpioLine BUTTON = new GpioLine("gpiochip0", 27);
    static final int LABEL = 0x100;
    static final int FLAGS = 0x200;
    static final int RET = 0x300;

    final SimulatedBoard board = new SimulatedBoard();
    final ArrayMemory memory = new ArrayMemory();
    GpioSession session;
    Map<String, HostFunction> functions;

    @BeforeEach
    void grantLedAndButton() throws Exception {
        session = new GpioSession("test", Map.of(
                "LED", new GpioGrant.Output("gpiochip0", 17, Level.HIGH, Level.LOW, GpioGrant.UNLIMITED),
                "BUTTON", new GpioGrant.Input("gpiochip0", 27, GpioGrant.UNLIMITED)), board, new ExclusiveOwners<>());
        session.acquire();
        functions = new java.util.HashMap<>();
        DigitalInterface.functions(session).forEach(f -> functions.put(f.name(), f));
    }

    void call(String name, long... args) {
        functions.get(name).body().call(memory, args);
    }

    /** Calls a static get with the label and flag bytes; returns the result area's tag. */
    int get(String resource, String label, int... flags) {
        int length = memory.putString(LABEL, label);
        for (int i = 0; i < flags.length; i++) {
            memory.write(FLAGS + i, new byte[] {(byte) flags[i]});
        }
        call("[static]" + resource + ".get", LABEL, length, FLAGS, flags.length, RET);
        return memory.byteAt(RET);
    }

    int handle(String resource, String label) {
        assertEquals(0, get(resource, label, DigitalFlags.ACTIVE_HIGH), "get " + label);
        return memory.readI32(RET + 4);
    }

    void assertError(GpioError expected) {
        assertEquals(1, memory.byteAt(RET), "err tag");
        assertEquals(expected.ordinal(), memory.byteAt(RET + 4), "gpio-error " + expected);
    }

    @Test
    void coreSignaturesAreCanonicalAbiLowerings() {
        HostFunction get = functions.get("[static]digital-out-pin.get");
        assertEquals(5, get.params().size()); // label ptr, len; flags ptr, len; return pointer
        assertEquals(List.of(), get.results());
        assertEquals(3, functions.get("[method]digital-out-pin.set-state").params().size());
        assertEquals(2, functions.get("[method]digital-in-pin.read").params().size());
        assertEquals(1, functions.get("[resource-drop]digital-in-pin").params().size());
    }

    @Test
    void outputPinDrivesItsLineAndResultsAreLaidOutAsTheAbiSays() {
        assertEquals(Level.HIGH, board.level(LED), "granted initial level at admission");
        int led = handle("digital-out-pin", "LED");
        assertEquals(1, led, "handles count from 1");
        call("[method]digital-out-pin.set-state", led, PinState.INACTIVE.ordinal(), RET);
        assertEquals(0, memory.byteAt(RET));
        assertEquals(Level.LOW, board.level(LED));
        call("[method]digital-out-pin.set-active", led, RET);
        assertEquals(Level.HIGH, board.level(LED));
    }

    @Test
    void activeLowInvertsAndAnInitialFlagSetsTheStateOnGet() {
        assertEquals(0, get("digital-out-pin", "LED", DigitalFlags.ACTIVE_LOW, DigitalFlags.INACTIVE));
        assertEquals(Level.HIGH, board.level(LED));
        call("[method]digital-out-pin.set-active", memory.readI32(RET + 4), RET);
        assertEquals(Level.LOW, board.level(LED));
    }

    @Test
    void inputPinReadsWhatTheBoardIsDrivenTo() {
        int button = handle("digital-in-pin", "BUTTON");
        board.drive(BUTTON, Level.HIGH);
        call("[method]digital-in-pin.read", button, RET);
        assertEquals(0, memory.byteAt(RET));
        assertEquals(PinState.ACTIVE.ordinal(), memory.byteAt(RET + 4));
        board.drive(BUTTON, Level.LOW);
        call("[method]digital-in-pin.is-active", button, RET);
        assertEquals(0, memory.byteAt(RET + 4), "bool false");
    }

    @Test
    void ungrantedLabelIsPinNotAllowed() {
        assertEquals(1, get("digital-out-pin", "GPIO4", DigitalFlags.ACTIVE_HIGH));
        assertError(GpioError.PIN_NOT_ALLOWED);
    }

    @Test
    void grantOfTheOtherModeIsPinModeNotAllowed() {
        get("digital-in-pin", "LED", DigitalFlags.ACTIVE_HIGH);
        assertError(GpioError.PIN_MODE_NOT_ALLOWED);
        get("digital-out-pin", "BUTTON", DigitalFlags.ACTIVE_HIGH);
        assertError(GpioError.PIN_MODE_NOT_ALLOWED);
    }

    @Test
    void flagsAreChecked() {
        get("digital-out-pin", "LED");
        assertError(GpioError.MISSING_FLAGS);
        get("digital-out-pin", "LED", DigitalFlags.ACTIVE_HIGH, DigitalFlags.ACTIVE_LOW);
        assertError(GpioError.INVALID_FLAG);
        get("digital-out-pin", "LED", DigitalFlags.ACTIVE_HIGH | DigitalFlags.PULL_UP);
        assertError(GpioError.INVALID_FLAG);
        get("digital-in-pin", "BUTTON", DigitalFlags.ACTIVE_HIGH | DigitalFlags.PULL_DOWN);
        assertError(GpioError.OPERATION_NOT_SUPPORTED);
    }

    @Test
    void gettingALabelAgainInvalidatesTheOlderHandle() {
        int first = handle("digital-out-pin", "LED");
        int second = handle("digital-out-pin", "LED");
        call("[method]digital-out-pin.set-active", first, RET);
        assertError(GpioError.RESOURCE_INVALIDATED);
        call("[method]digital-out-pin.set-active", second, RET);
        assertEquals(0, memory.byteAt(RET));
        call("[resource-drop]digital-out-pin", first);
    }

    @Test
    void foreignHandlesTrap() {
        int button = handle("digital-in-pin", "BUTTON");
        assertThrows(GuestTrap.class, () -> call("[method]digital-out-pin.set-active", button, RET));
        assertThrows(GuestTrap.class, () -> call("[method]digital-out-pin.set-active", 99, RET));
        assertThrows(GuestTrap.class, () -> call("[resource-drop]digital-out-pin", button));
    }

    @Test
    void afterReleaseOutputsAreAtShutdownAndCallsFindNothing() {
        int led = handle("digital-out-pin", "LED");
        session.release();
        assertEquals(Level.LOW, board.level(LED));
        call("[method]digital-out-pin.set-active", led, RET);
        assertError(GpioError.RESOURCE_INVALIDATED);
        assertEquals(Level.LOW, board.level(LED));
    }

    @Test
    void tightToggleLoopIsHeldToMaxWritesPerSecond() throws Exception {
        var limited = new GpioSession("fast", Map.of(
                "LED", new GpioGrant.Output("gpiochip1", 5, Level.LOW, Level.LOW, 100)), board, new ExclusiveOwners<>());
        limited.acquire();
        var setState = DigitalInterface.functions(limited).stream()
                .filter(f -> f.name().equals("[method]digital-out-pin.set-state")).findFirst().orElseThrow();
        int led = limited.getOut("LED", DigitalFlags.ACTIVE_HIGH);
        long start = System.nanoTime();
        for (int i = 0; i < 31; i++) {
            setState.body().call(memory, new long[] {led, i % 2, RET});
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        // 31 writes spaced 10 ms apart: the first at once, the last 300 ms later
        assertTrue(seconds >= 0.29, "31 writes at 100/s took only " + seconds + " s");
        assertTrue(seconds < 0.6, "31 writes at 100/s took " + seconds + " s");
        limited.release();
    }
}
