package dev.skiff.runtime.engine.chicory;

import com.dylibso.chicory.runtime.ExportFunction;
import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.runtime.Memory;
import dev.skiff.runtime.capability.GuestMemory;
import dev.skiff.runtime.capability.GuestTrap;

/** Chicory's memory seen through Skiff's engine-agnostic {@link GuestMemory}. */
record ChicoryGuestMemory(Instance instance) implements GuestMemory {
    /** The canonical ABI's allocator export: (old ptr, old size, align, new size) -> ptr. */
    private static final String CABI_REALLOC = "cabi_realloc";

    private Memory memory() {
        return instance.memory();
    }

    @Override
    public byte[] read(int address, int length) {
        return memory().readBytes(address, length);
    }

    @Override
    public void write(int address, byte[] bytes) {
        memory().write(address, bytes);
    }

    @Override
    public int readI32(int address) {
        return memory().readInt(address);
    }

    @Override
    public void writeI32(int address, int value) {
        memory().writeI32(address, value);
    }

    @Override
    public long readI64(int address) {
        return memory().readLong(address);
    }

    @Override
    public void writeI64(int address, long value) {
        memory().writeLong(address, value);
    }

    @Override
    public int allocate(int align, int size) {
        ExportFunction realloc;
        try {
            realloc = instance.export(CABI_REALLOC);
        } catch (RuntimeException e) { // Chicory: "Unknown export"
            throw new GuestTrap("the module exports no " + CABI_REALLOC
                    + ", which a host call needs to return a list (C apps get it from the skiff_serial.h SDK header)");
        }
        return (int) realloc.apply(0, 0, align, size)[0];
    }
}
