package dev.skiff.runtime.capability.gpio;

import dev.skiff.runtime.capability.GuestMemory;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/** A little-endian guest memory on a byte array, for calling host functions without a guest. */
final class ArrayMemory implements GuestMemory {
    /** Where {@link #allocate} hands out memory: the top half, above what tests address directly. */
    static final int HEAP = 2048;

    private final ByteBuffer bytes = ByteBuffer.allocate(4096).order(ByteOrder.LITTLE_ENDIAN);
    private int heapTop = HEAP;

    /** Puts {@code text} at {@code address}; returns its length in bytes. */
    int putString(int address, String text) {
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        write(address, utf8);
        return utf8.length;
    }

    int byteAt(int address) {
        return bytes.get(address) & 0xff;
    }

    @Override
    public byte[] read(int address, int length) {
        byte[] out = new byte[length];
        bytes.get(address, out);
        return out;
    }

    @Override
    public void write(int address, byte[] data) {
        bytes.put(address, data);
    }

    @Override
    public int readI32(int address) {
        return bytes.getInt(address);
    }

    @Override
    public void writeI32(int address, int value) {
        bytes.putInt(address, value);
    }

    @Override
    public long readI64(int address) {
        return bytes.getLong(address);
    }

    @Override
    public void writeI64(int address, long value) {
        bytes.putLong(address, value);
    }

    /** A bump allocator, as a guest's cabi_realloc would be; tests never free. */
    @Override
    public int allocate(int align, int size) {
        int address = (heapTop + align - 1) / align * align;
        heapTop = address + size;
        return address;
    }
}
