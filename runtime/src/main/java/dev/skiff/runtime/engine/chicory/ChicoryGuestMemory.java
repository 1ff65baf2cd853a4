package dev.skiff.runtime.engine.chicory;

import com.dylibso.chicory.runtime.Memory;
import dev.skiff.runtime.capability.GuestMemory;

/** Chicory's memory seen through Skiff's engine-agnostic {@link GuestMemory}. */
record ChicoryGuestMemory(Memory memory) implements GuestMemory {

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
}
