package dev.skiff.runtime.engine.chicory;

import com.dylibso.chicory.runtime.ConstantEvaluators;
import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.runtime.Memory;
import com.dylibso.chicory.runtime.WasmRuntimeException;
import com.dylibso.chicory.wasm.UninstantiableException;
import com.dylibso.chicory.wasm.types.ActiveDataSegment;
import com.dylibso.chicory.wasm.types.DataSegment;
import com.dylibso.chicory.wasm.types.MemoryLimits;
import com.dylibso.chicory.wasm.types.PassiveDataSegment;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * Linear memory as one flat {@code byte[]} on the Java heap, reallocated on grow.
 *
 * <p>Two reasons over Chicory's own memories: every load and store is a single bounds-checked
 * array access (Chicory 1.7.5's {@code ByteArrayMemory} pages its storage, adding a lookup and a
 * branch to each), and growing past Skiff's limit ends the guest, the way a cgroup OOM kill ends a
 * process, instead of returning -1 and letting a guest spin on failed allocations. Guests are
 * single-threaded (wasip1 has no threads), so no access races a grow.
 */
final class FlatMemory implements Memory {
    private static final VarHandle SHORT = view(short[].class);
    private static final VarHandle INT = view(int[].class);
    private static final VarHandle LONG = view(long[].class);
    private static final VarHandle FLOAT = view(float[].class);
    private static final VarHandle DOUBLE = view(double[].class);

    private static VarHandle view(Class<?> type) {
        return MethodHandles.byteArrayViewVarHandle(type, ByteOrder.LITTLE_ENDIAN);
    }

    private final MemoryLimits limits;
    private final int limitPages;
    private byte[] bytes;
    private DataSegment[] dataSegments;

    FlatMemory(MemoryLimits limits, int limitPages) {
        this.limits = limits;
        // A Java array holds at most 2 GiB, half of wasm32's 4 GiB.
        this.limitPages = Math.min(limitPages, Integer.MAX_VALUE / PAGE_SIZE);
        this.bytes = new byte[limits.initialPages() * PAGE_SIZE];
    }

    /** Thrown out of the guest when a grow would pass Skiff's limit. */
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
        int before = pages();
        long wanted = (long) before + Integer.toUnsignedLong(size);
        if (wanted > limitPages) {
            throw new LimitExceeded((long) limitPages * PAGE_SIZE, wanted * PAGE_SIZE);
        }
        if (wanted > maximumPages()) {
            return -1; // the module's own declared maximum: plain wasm semantics
        }
        if (size != 0) {
            bytes = Arrays.copyOf(bytes, (int) (wanted * PAGE_SIZE));
        }
        return before;
    }

    @Override
    public int pages() {
        return bytes.length / PAGE_SIZE;
    }

    @Override
    public int initialPages() {
        return limits.initialPages();
    }

    @Override
    public int maximumPages() {
        return Math.min(limits.maximumPages(), RUNTIME_MAX_PAGES);
    }

    @Override
    public boolean shared() {
        return false;
    }

    @Override
    public Object lock(int address) {
        return this;
    }

    @Override
    public int waitOn(int address, int expected, long timeout) {
        throw new WasmRuntimeException("atomic wait on unshared memory");
    }

    @Override
    public int waitOn(int address, long expected, long timeout) {
        throw new WasmRuntimeException("atomic wait on unshared memory");
    }

    @Override
    public int notify(int address, int maxThreads) {
        return 0;
    }

    @Override
    public void initialize(Instance instance, DataSegment[] segments) {
        initialize(instance, segments, 0);
    }

    @Override
    public void initialize(Instance instance, DataSegment[] segments, int memoryIndex) {
        this.dataSegments = segments;
        if (segments == null) {
            return;
        }
        for (DataSegment s : segments) {
            if (s instanceof ActiveDataSegment segment && segment.index() == memoryIndex) {
                int offset = (int) ConstantEvaluators.computeConstantValue(instance, segment.offsetInstructions())[0];
                byte[] data = segment.data();
                if (offset < 0 || (long) offset + data.length > bytes.length) {
                    throw new UninstantiableException("out of bounds memory access: data segment at " + offset);
                }
                System.arraycopy(data, 0, bytes, offset, data.length);
            }
        }
    }

    @Override
    public void initPassiveSegment(int segmentId, int dest, int offset, int size) {
        write(dest, dataSegments[segmentId].data(), offset, size);
    }

    @Override
    public void drop(int segment) {
        dataSegments[segment] = PassiveDataSegment.EMPTY;
    }

    @Override
    public void write(int address, byte[] data, int offset, int size) {
        try {
            System.arraycopy(data, offset, bytes, address, size);
        } catch (RuntimeException e) {
            throw outOfBounds(address, size);
        }
    }

    @Override
    public byte[] readBytes(int address, int length) {
        // copyOfRange would zero-pad past the end instead of failing, so check first.
        if (address < 0 || length < 0 || (long) address + length > bytes.length) {
            throw outOfBounds(address, length);
        }
        return Arrays.copyOfRange(bytes, address, address + length);
    }

    @Override
    public void copy(int dest, int src, int size) {
        write(dest, bytes, src, size); // arraycopy handles overlap like memmove
    }

    @Override
    public void fill(byte value, int fromIndex, int toIndex) {
        try {
            Arrays.fill(bytes, fromIndex, toIndex, value);
        } catch (RuntimeException e) {
            throw outOfBounds(fromIndex, toIndex - fromIndex);
        }
    }

    @Override
    public void zero() {
        Arrays.fill(bytes, (byte) 0);
    }

    @Override
    public byte read(int address) {
        try {
            return bytes[address];
        } catch (RuntimeException e) {
            throw outOfBounds(address, 1);
        }
    }

    @Override
    public void writeByte(int address, byte value) {
        try {
            bytes[address] = value;
        } catch (RuntimeException e) {
            throw outOfBounds(address, 1);
        }
    }

    @Override
    public short readShort(int address) {
        try {
            return (short) SHORT.get(bytes, address);
        } catch (RuntimeException e) {
            throw outOfBounds(address, 2);
        }
    }

    @Override
    public long readU16(int address) {
        return readShort(address) & 0xffffL;
    }

    @Override
    public void writeShort(int address, short value) {
        try {
            SHORT.set(bytes, address, value);
        } catch (RuntimeException e) {
            throw outOfBounds(address, 2);
        }
    }

    @Override
    public int readInt(int address) {
        try {
            return (int) INT.get(bytes, address);
        } catch (RuntimeException e) {
            throw outOfBounds(address, 4);
        }
    }

    @Override
    public void writeI32(int address, int value) {
        try {
            INT.set(bytes, address, value);
        } catch (RuntimeException e) {
            throw outOfBounds(address, 4);
        }
    }

    @Override
    public long readLong(int address) {
        try {
            return (long) LONG.get(bytes, address);
        } catch (RuntimeException e) {
            throw outOfBounds(address, 8);
        }
    }

    @Override
    public void writeLong(int address, long value) {
        try {
            LONG.set(bytes, address, value);
        } catch (RuntimeException e) {
            throw outOfBounds(address, 8);
        }
    }

    @Override
    public float readFloat(int address) {
        try {
            return (float) FLOAT.get(bytes, address);
        } catch (RuntimeException e) {
            throw outOfBounds(address, 4);
        }
    }

    @Override
    public long readF32(int address) {
        return readInt(address);
    }

    @Override
    public void writeF32(int address, float value) {
        try {
            FLOAT.set(bytes, address, value);
        } catch (RuntimeException e) {
            throw outOfBounds(address, 4);
        }
    }

    @Override
    public double readDouble(int address) {
        try {
            return (double) DOUBLE.get(bytes, address);
        } catch (RuntimeException e) {
            throw outOfBounds(address, 8);
        }
    }

    @Override
    public long readF64(int address) {
        return readLong(address);
    }

    @Override
    public void writeF64(int address, double value) {
        try {
            DOUBLE.set(bytes, address, value);
        } catch (RuntimeException e) {
            throw outOfBounds(address, 8);
        }
    }

    private WasmRuntimeException outOfBounds(int address, int size) {
        return new WasmRuntimeException("out of bounds memory access: address " + Integer.toUnsignedString(address)
                + ", size " + size + ", memory is " + bytes.length + " bytes");
    }
}
