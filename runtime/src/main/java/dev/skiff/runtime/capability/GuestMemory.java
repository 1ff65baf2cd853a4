package dev.skiff.runtime.capability;

/** The guest's linear memory as host functions see it; out-of-range access traps the guest. */
public interface GuestMemory {

    byte[] read(int address, int length);

    void write(int address, byte[] bytes);

    int readI32(int address);

    void writeI32(int address, int value);

    long readI64(int address);

    void writeI64(int address, long value);

    /**
     * Allocates {@code size} bytes in guest memory through the guest's {@code cabi_realloc}
     * export, as the canonical ABI does for results of variable size (lists, strings); the guest
     * frees them. Traps the guest when it exports no {@code cabi_realloc}.
     */
    int allocate(int align, int size);
}
