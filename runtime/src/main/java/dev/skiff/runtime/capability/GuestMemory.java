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
     * Allocates {@code size} bytes in the guest by calling its {@code cabi_realloc} export, as the
     * canonical ABI does to return a list; the guest owns (and frees) the block.
     *
     * @throws GuestTrap when the guest exports no {@code cabi_realloc}
     */
    default int allocate(int align, int size) {
        throw new GuestTrap("this guest memory cannot allocate");
    }
}
