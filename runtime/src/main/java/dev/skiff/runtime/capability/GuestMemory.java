package dev.skiff.runtime.capability;

/** The guest's linear memory as host functions see it; out-of-range access traps the guest. */
public interface GuestMemory {

    byte[] read(int address, int length);

    void write(int address, byte[] bytes);

    int readI32(int address);

    void writeI32(int address, int value);

    long readI64(int address);

    void writeI64(int address, long value);
}
