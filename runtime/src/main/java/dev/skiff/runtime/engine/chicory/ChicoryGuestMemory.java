package dev.skiff.runtime.engine.chicory;

import com.dylibso.chicory.runtime.ExportFunction;
import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.runtime.Memory;
import dev.skiff.runtime.capability.GuestMemory;
import dev.skiff.runtime.capability.GuestTrap;
import java.util.function.BooleanSupplier;

/** Chicory's memory seen through Skiff's engine-agnostic {@link GuestMemory}; its waits are safe points. */
record ChicoryGuestMemory(Instance instance, Memory memory, SafePoint safePoint) implements GuestMemory {

    ChicoryGuestMemory(Instance instance, SafePoint safePoint) {
        this(instance, instance.memory(), safePoint);
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
        } catch (RuntimeException e) { // Chicory: "Unknown export"
            throw new GuestTrap("the module exports no cabi_realloc, which a host call needs to return a list"
                    + " (C apps get it from sdk/c's headers)");
        }
        return (int) realloc.apply(0, 0, align, size)[0];
    }

    @Override
    public void await(Object monitor, BooleanSupplier blocked, long nanos) throws InterruptedException {
        safePoint.await(instance, monitor, blocked, nanos);
    }
}
