package dev.skiff.runtime.capability.serial;

import static dev.skiff.runtime.capability.ValueType.I32;

import dev.skiff.runtime.capability.GuestMemory;
import dev.skiff.runtime.capability.HostFunction;
import dev.skiff.runtime.capability.ValueType;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collections;
import java.util.List;

/**
 * {@code skiff:serial/port@0.1.0} lowered to core wasm by the canonical ABI, over one
 * container's {@link SerialSession}: strings and lists arrive as (ptr, len), the port resource
 * as an i32 handle, and every {@code result} goes through a return pointer (the last
 * parameter). docs/capabilities.md lists each function's core signature and result layout.
 */
final class PortInterface {
    /** Names are at most 63 characters (skiff.yaml); a longer one cannot be granted, so it is not read. */
    private static final int MAX_NAME_BYTES = 64;
    /** One read returns at most this much, whatever the guest asks: a bound on what the host allocates. */
    static final int MAX_READ = 64 * 1024;
    /** Result area: the discriminant byte at 0 (0 = ok, 1 = err), the payload at 4 (it holds i32s). */
    private static final int PAYLOAD = 4;

    private static final long[] NO_RESULTS = {};

    /** What an ok result carries at offset 4. */
    private sealed interface Ok {
        record Handle(int value) implements Ok {}

        record Count(int value) implements Ok {}

        record Bytes(byte[] value) implements Ok {}
    }

    /** The part of a function that may fail with an error; the args exclude the return pointer. */
    @FunctionalInterface
    private interface Fallible {
        Ok call(GuestMemory memory, long[] args) throws SerialFailure;
    }

    private PortInterface() {}

    static List<HostFunction> functions(SerialSession session) {
        return List.of(
                returning("open", 2, (m, a) -> new Ok.Handle(session.open(name(m, a[0], a[1])))),
                returning("[method]port.read", 3, (m, a) -> new Ok.Bytes(session.read((int) a[0],
                        (int) Math.min(Integer.toUnsignedLong((int) a[1]), MAX_READ),
                        Duration.ofMillis(Integer.toUnsignedLong((int) a[2]))))),
                returning("[method]port.write", 3, (m, a) -> {
                    byte[] bytes = m.read((int) a[1], (int) a[2]);
                    session.write((int) a[0], bytes);
                    return new Ok.Count(bytes.length);
                }),
                new HostFunction("[resource-drop]port", List.of(I32), List.of(), (memory, args) -> {
                    session.drop((int) args[0]);
                    return NO_RESULTS;
                }));
    }

    /** A function of {@code params} i32s plus the return pointer, returning nothing in core wasm. */
    private static HostFunction returning(String name, int params, Fallible body) {
        List<ValueType> types = Collections.nCopies(params + 1, I32);
        return new HostFunction(name, types, List.of(), (memory, args) -> {
            int ret = (int) args[params];
            try {
                Ok ok = body.call(memory, args);
                memory.write(ret, new byte[] {0});
                switch (ok) {
                    case Ok.Handle h -> memory.writeI32(ret + PAYLOAD, h.value());
                    case Ok.Count c -> memory.writeI32(ret + PAYLOAD, c.value());
                    case Ok.Bytes b -> {
                        // list<u8>: the guest's allocator holds the bytes, (ptr, len) lands at 4 and 8
                        int ptr = memory.allocate(1, b.value().length);
                        memory.write(ptr, b.value());
                        memory.writeI32(ret + PAYLOAD, ptr);
                        memory.writeI32(ret + PAYLOAD + 4, b.value().length);
                    }
                }
            } catch (SerialFailure failure) {
                memory.write(ret, new byte[] {1});
                memory.write(ret + PAYLOAD, new byte[] {(byte) failure.error.ordinal()});
            }
            return NO_RESULTS;
        });
    }

    /** A name too long to be granted is simply not granted; reading it would be wasted work. */
    private static String name(GuestMemory memory, long ptr, long len) throws SerialFailure {
        if (len < 0 || len > MAX_NAME_BYTES) {
            throw new SerialFailure(SerialError.NOT_GRANTED);
        }
        return new String(memory.read((int) ptr, (int) len), StandardCharsets.UTF_8);
    }
}
