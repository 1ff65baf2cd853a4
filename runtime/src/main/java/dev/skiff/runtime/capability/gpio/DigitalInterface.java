package dev.skiff.runtime.capability.gpio;

import static dev.skiff.runtime.capability.ValueType.I32;

import dev.skiff.runtime.capability.GuestMemory;
import dev.skiff.runtime.capability.HostFunction;
import dev.skiff.runtime.capability.GuestTrap;
import dev.skiff.runtime.capability.ValueType;
import dev.skiff.runtime.capability.gpio.ResultArea.Ok;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.List;

/**
 * {@code wasi:gpio/digital@0.2.0} lowered to core wasm by the canonical ABI, over one
 * container's {@link GpioSession}: strings and lists arrive as (ptr, len), resources as i32
 * handles, and every {@code result} goes through a return pointer (last parameter, see
 * {@link ResultArea}). docs/capabilities.md lists each function's core signature.
 */
final class DigitalInterface {
    /** Longer labels cannot be granted (skiff.yaml allows 63 characters), so they are not read. */
    private static final int MAX_LABEL_BYTES = 64;
    /** A guest has no reason to pass more flags than there are members; more is not read. */
    private static final int MAX_FLAGS = 64;

    private static final long[] NO_RESULTS = {};

    /** The part of a function that may fail with a gpio-error; the args exclude the return pointer. */
    @FunctionalInterface
    private interface Fallible {
        Ok call(GuestMemory memory, long[] args) throws GpioFailure;
    }

    private DigitalInterface() {}

    static List<HostFunction> functions(GpioSession session) {
        return List.of(
                returning("[static]digital-out-pin.get", 4, (m, a) ->
                        new Ok.Word(session.getOut(label(m, a[0], a[1]), flags(m, a[2], a[3])))),
                returning("[static]digital-in-pin.get", 4, (m, a) ->
                        new Ok.Word(session.getIn(label(m, a[0], a[1]), flags(m, a[2], a[3])))),
                returning("[method]digital-out-pin.set-state", 2, (m, a) ->
                        setState(session, a[0], PinState.ofDiscriminant(a[1]))),
                returning("[method]digital-out-pin.set-active", 1, (m, a) -> setState(session, a[0], PinState.ACTIVE)),
                returning("[method]digital-out-pin.set-inactive", 1, (m, a) -> setState(session, a[0], PinState.INACTIVE)),
                returning("[method]digital-in-pin.read", 1, (m, a) -> new Ok.Byte(session.read((int) a[0]).ordinal())),
                returning("[method]digital-in-pin.is-active", 1, (m, a) ->
                        bool(session.read((int) a[0]) == PinState.ACTIVE)),
                returning("[method]digital-in-pin.is-inactive", 1, (m, a) ->
                        bool(session.read((int) a[0]) == PinState.INACTIVE)),
                returning("[method]digital-in-pin.watch-rising-edge", 1, (m, a) ->
                        new Ok.Word(session.watch((int) a[0], Edge.RISING))),
                returning("[method]digital-in-pin.watch-falling-edge", 1, (m, a) ->
                        new Ok.Word(session.watch((int) a[0], Edge.FALLING))),
                drop("[resource-drop]digital-out-pin", session, GpioSession.OutPin.class),
                drop("[resource-drop]digital-in-pin", session, GpioSession.InPin.class));
    }

    private static Ok setState(GpioSession session, long handle, PinState state) throws GpioFailure {
        session.setState((int) handle, state);
        return new Ok.Unit();
    }

    private static Ok bool(boolean value) {
        return new Ok.Byte(value ? 1 : 0);
    }

    /** A function of {@code params} i32s plus the return pointer, returning nothing in core wasm. */
    private static HostFunction returning(String name, int params, Fallible body) {
        List<ValueType> types = Collections.nCopies(params + 1, I32);
        return new HostFunction(name, types, List.of(), (memory, args) -> {
            int ret = (int) args[params];
            try {
                ResultArea.ok(memory, ret, body.call(memory, args));
            } catch (GpioFailure failure) {
                ResultArea.err(memory, ret, failure.error);
            }
            return NO_RESULTS;
        });
    }

    private static HostFunction drop(String name, GpioSession session, Class<? extends GpioSession.Pin> type) {
        return new HostFunction(name, List.of(I32), List.of(), (memory, args) -> {
            session.drop((int) args[0], type);
            return NO_RESULTS;
        });
    }

    /** A label too long to be granted is simply not allowed; reading it would be wasted work. */
    private static String label(GuestMemory memory, long ptr, long len) throws GpioFailure {
        if (len < 0 || len > MAX_LABEL_BYTES) {
            throw new GpioFailure(GpioError.PIN_NOT_ALLOWED);
        }
        return new String(memory.read((int) ptr, (int) len), StandardCharsets.UTF_8);
    }

    private static int flags(GuestMemory memory, long ptr, long len) throws GpioFailure {
        if (len < 0 || len > MAX_FLAGS) {
            throw new GpioFailure(GpioError.INVALID_FLAG);
        }
        int bits = 0;
        for (byte b : memory.read((int) ptr, (int) len)) {
            bits |= b & 0xff;
        }
        return bits;
    }
}
