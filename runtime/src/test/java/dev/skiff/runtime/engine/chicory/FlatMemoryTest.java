package dev.skiff.runtime.engine.chicory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.dylibso.chicory.runtime.Memory;
import com.dylibso.chicory.runtime.WasmRuntimeException;
import com.dylibso.chicory.wasm.types.MemoryLimits;
import org.junit.jupiter.api.Test;

class FlatMemoryTest {

    @Test
    void accessPastTheEndTrapsInsteadOfReadingAnything() {
        var memory = new FlatMemory(new MemoryLimits(1, 10), 10);
        int end = Memory.PAGE_SIZE;
        memory.writeLong(end - 8, 0x0102030405060708L);
        assertEquals(0x0102030405060708L, memory.readLong(end - 8));
        assertThrows(WasmRuntimeException.class, () -> memory.readLong(end - 4));
        assertThrows(WasmRuntimeException.class, () -> memory.readInt(-1));
        assertThrows(WasmRuntimeException.class, () -> memory.readBytes(end - 2, 4));
        assertThrows(WasmRuntimeException.class, () -> memory.write(end - 1, new byte[2], 0, 2));
        assertThrows(WasmRuntimeException.class, () -> memory.fill((byte) 1, end - 1, end + 1));
        assertThrows(WasmRuntimeException.class, () -> memory.copy(0, end - 1, 2));
    }

    @Test
    void growRespectsTheModulesMaximumAndEndsTheGuestAtSkiffsLimit() {
        var memory = new FlatMemory(new MemoryLimits(1, 3), 100);
        assertEquals(1, memory.grow(2));
        assertEquals(3, memory.pages());
        assertEquals(-1, memory.grow(1), "past the module's own maximum: wasm semantics");

        var limited = new FlatMemory(new MemoryLimits(1, 1000), 4);
        assertEquals(1, limited.grow(3));
        var e = assertThrows(FlatMemory.LimitExceeded.class, () -> limited.grow(1));
        assertEquals(4L * Memory.PAGE_SIZE, e.limitBytes);
        assertEquals(4, limited.pages(), "a refused grow changes nothing");
    }

    @Test
    void overlappingCopyBehavesLikeMemmove() {
        var memory = new FlatMemory(new MemoryLimits(1, 1), 1);
        memory.write(0, new byte[] {1, 2, 3, 4, 5}, 0, 5);
        memory.copy(1, 0, 4);
        assertEquals(java.util.List.of((byte) 1, (byte) 1, (byte) 2, (byte) 3, (byte) 4),
                java.util.List.of(memory.read(0), memory.read(1), memory.read(2), memory.read(3), memory.read(4)));
    }
}
