package dev.skiff.runtime.engine.chicory;

import com.dylibso.chicory.runtime.ExportFunction;
import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.runtime.Memory;
import dev.skiff.runtime.capability.GuestMemory;

/** Chicory's memory seen through Skiff's engine-agnostic {@link GuestMemory}. */
record ChicoryGuestMemory(Instance instance, Memory memory) implements GuestMemory {

    ChicoryGuestMemory(Instance instance) {
        this(instance, instance.memory());
    }

    @Override
    public byte[] read(int address, int length) {
        return memory.readBytes(address, length);
    }

    @Override
    public void write(int address, byte[] bytes) {
        memory.write(address, bytes);
    }

    @Override
    public int readI32(int address) {
        return memory.readInt(address);
    }

    @Override
    public void writeI32(int address, int value) {
        memory.writeI32(address, value);
    }

    @Override
    public long readI64(int address) {
        return memory.readLong(address);
    }

    @Override
    public void writeI64(int address, long value) {
        memory.writeLong(address, value);
    }

    @Override
    public int allocate(int align, int size) {
        ExportFunction realloc;
        try {
            realloc = instance.export("cabi_realloc");
        } catch (RuntimeException e) {
            throw new IllegalStateException("the module exports no cabi_realloc, which this import needs"
                    + " to return a list (sdk/c's headers define it)");
        }
        return (int) realloc.apply(0, 0, align, size)[0];
    }
}
