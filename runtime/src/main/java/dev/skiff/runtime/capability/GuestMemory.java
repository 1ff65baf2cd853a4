package dev.skiff.runtime.capability;

import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

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

    /**
     * Blocks a host call that waits for something (an edge) while {@code blocked} holds: waits on
     * {@code monitor} until notified or {@code nanos} passed (0: no limit). {@code blocked} is
     * checked with the monitor held, so a notify that comes before the wait is not missed; the
     * caller holds no lock and checks again after. The engine makes the wait a safe point: calls
     * other threads queued for the guest (health probes) run on this thread meanwhile.
     */
    default void await(Object monitor, BooleanSupplier blocked, long nanos) throws InterruptedException {
        synchronized (monitor) {
            if (!blocked.getAsBoolean()) {
                return;
            }
            if (nanos == 0) {
                monitor.wait();
            } else {
                TimeUnit.NANOSECONDS.timedWait(monitor, nanos);
            }
        }
    }
}
