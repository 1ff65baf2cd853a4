package dev.skiff.runtime.engine.chicory;

import com.dylibso.chicory.runtime.ByteArrayMemory;
import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.runtime.Memory;
import com.dylibso.chicory.wasm.types.DataSegment;
import com.dylibso.chicory.wasm.types.MemoryLimits;

/**
 * Linear memory that ends the guest when it grows past Skiff's limit, the way a cgroup OOM kill
 * ends a process. Plain wasm semantics ({@code memory.grow} returning -1) would let a guest spin
 * on failed allocations; ending it gives a clear "memory limit" outcome instead.
 *
 * <p>Pages live on the Java heap ({@link ByteArrayMemory}, the fastest Chicory memory), which is
 * why the limit must be enforced here and budgeted by the agent.
 */
final class LimitedMemory implements Memory {
    private final ByteArrayMemory delegate;
    private final int limitPages;

    LimitedMemory(MemoryLimits limits, int limitPages) {
        this.delegate = new ByteArrayMemory(limits);
        this.limitPages = limitPages;
    }

    /** Thrown out of the guest when a grow would pass the limit. */
    static final class LimitExceeded extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final long limitBytes;
        final long requestedBytes;

        LimitExceeded(long limitBytes, long requestedBytes) {
            super("memory limit exceeded", null, false, false);
            this.limitBytes = limitBytes;
            this.requestedBytes = requestedBytes;
        }
    }

    @Override
    public int grow(int size) {
        long wanted = (long) delegate.pages() + Integer.toUnsignedLong(size);
        if (wanted > limitPages) {
            throw new LimitExceeded((long) limitPages * PAGE_SIZE, wanted * PAGE_SIZE);
        }
        return delegate.grow(size);
    }

    @Override
    public int pages() {
        return delegate.pages();
    }

    @Override
    public int initialPages() {
        return delegate.initialPages();
    }

    @Override
    public int maximumPages() {
        return delegate.maximumPages();
    }

    @Override
    public boolean shared() {
        return delegate.shared();
    }

    @Override
    public Object lock(int address) {
        return delegate.lock(address);
    }

    @Override
    public int waitOn(int address, int expected, long timeout) {
        return delegate.waitOn(address, expected, timeout);
    }

    @Override
    public int waitOn(int address, long expected, long timeout) {
        return delegate.waitOn(address, expected, timeout);
    }

    @Override
    public int notify(int address, int maxThreads) {
        return delegate.notify(address, maxThreads);
    }

    @Override
    public void initialize(Instance instance, DataSegment[] dataSegments) {
        delegate.initialize(instance, dataSegments);
    }

    @Override
    public void initialize(Instance instance, DataSegment[] dataSegments, int memoryIndex) {
        delegate.initialize(instance, dataSegments, memoryIndex);
    }

    @Override
    public void copy(int dest, int src, int size) {
        delegate.copy(dest, src, size);
    }

    @Override
    public void initPassiveSegment(int segmentId, int dest, int offset, int size) {
        delegate.initPassiveSegment(segmentId, dest, offset, size);
    }

    @Override
    public void write(int address, byte[] data, int offset, int size) {
        delegate.write(address, data, offset, size);
    }

    @Override
    public byte read(int address) {
        return delegate.read(address);
    }

    @Override
    public byte[] readBytes(int address, int length) {
        return delegate.readBytes(address, length);
    }

    @Override
    public void writeI32(int address, int value) {
        delegate.writeI32(address, value);
    }

    @Override
    public int readInt(int address) {
        return delegate.readInt(address);
    }

    @Override
    public void writeLong(int address, long value) {
        delegate.writeLong(address, value);
    }

    @Override
    public long readLong(int address) {
        return delegate.readLong(address);
    }

    @Override
    public void writeShort(int address, short value) {
        delegate.writeShort(address, value);
    }

    @Override
    public short readShort(int address) {
        return delegate.readShort(address);
    }

    @Override
    public long readU16(int address) {
        return delegate.readU16(address);
    }

    @Override
    public void writeByte(int address, byte value) {
        delegate.writeByte(address, value);
    }

    @Override
    public void writeF32(int address, float value) {
        delegate.writeF32(address, value);
    }

    @Override
    public long readF32(int address) {
        return delegate.readF32(address);
    }

    @Override
    public float readFloat(int address) {
        return delegate.readFloat(address);
    }

    @Override
    public void writeF64(int address, double value) {
        delegate.writeF64(address, value);
    }

    @Override
    public double readDouble(int address) {
        return delegate.readDouble(address);
    }

    @Override
    public long readF64(int address) {
        return delegate.readF64(address);
    }

    @Override
    public void zero() {
        delegate.zero();
    }

    @Override
    public void fill(byte value, int fromIndex, int toIndex) {
        delegate.fill(value, fromIndex, toIndex);
    }

    @Override
    public void drop(int segment) {
        delegate.drop(segment);
    }
}
