package dev.skiff.runtime.capability.gpio;

import dev.skiff.runtime.capability.GuestMemory;

/**
 * Writes a {@code result<T, gpio-error>} where the guest's return pointer points. Canonical ABI
 * layout: the discriminant is a byte at offset 0 (0 = ok, 1 = err); the payload starts at
 * offset 4 because {@code gpio-error} (a variant whose {@code other} case holds a string) is
 * 4-aligned. An err payload is the gpio-error discriminant, one byte at offset 4. The area is
 * 16 bytes, 4-aligned; bytes not listed are left as they were.
 */
final class ResultArea {
    /** What an ok result carries at offset 4: nothing, one byte (an enum or bool) or an i32 (a handle). */
    sealed interface Ok {
        record Unit() implements Ok {}

        record Byte(int value) implements Ok {}

        record Word(int value) implements Ok {}
    }

    static final int PAYLOAD = 4;

    private ResultArea() {}

    static void ok(GuestMemory memory, int ret, Ok payload) {
        memory.write(ret, new byte[] {0});
        switch (payload) {
            case Ok.Unit u -> {}
            case Ok.Byte b -> memory.write(ret + PAYLOAD, new byte[] {(byte) b.value()});
            case Ok.Word w -> memory.writeI32(ret + PAYLOAD, w.value());
        }
    }

    static void err(GuestMemory memory, int ret, GpioError error) {
        memory.write(ret, new byte[] {1});
        memory.write(ret + PAYLOAD, new byte[] {(byte) error.ordinal()});
    }
}
