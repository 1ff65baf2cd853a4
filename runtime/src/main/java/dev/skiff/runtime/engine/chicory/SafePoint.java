package dev.skiff.runtime.engine.chicory;

import com.dylibso.chicory.runtime.Instance;
import dev.skiff.runtime.engine.ProbeResult;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;

/**
 * Calls into a running guest from other threads, made safe by running them on the guest's thread
 * when it reaches a safe point: a host call where the guest waits anyway ({@code poll_oneoff}, or
 * a capability's wait such as an edge wait, which a queued call also wakes).
 * Re-entering an instance from one of its own host calls is allowed by wasm; calling it from a
 * second thread would race with the guest on its memory and globals.
 */
final class SafePoint {
    private record Call(String export, CompletableFuture<ProbeResult> result) {}

    private final ConcurrentLinkedQueue<Call> pending = new ConcurrentLinkedQueue<>();
    private volatile boolean closed;
    /** The monitor the guest waits on in a capability's wait, or null: a queued call notifies it. */
    private volatile Object waitingOn;

    /** Queues a call and waits for the guest to make it. */
    ProbeResult call(String export, Duration timeout) {
        if (closed) {
            return new ProbeResult.NoAnswer("the guest is not running");
        }
        Call call = new Call(export, new CompletableFuture<>());
        pending.add(call);
        Object monitor = waitingOn;
        if (monitor != null) {
            synchronized (monitor) {
                monitor.notifyAll(); // the waiter finds its condition unchanged, runs the call, waits again
            }
        }
        try {
            return call.result().get(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            pending.remove(call);
            return new ProbeResult.NoAnswer("the guest did not reach a safe point (a sleep) within "
                    + timeout.toMillis() + " ms");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new ProbeResult.NoAnswer("interrupted while waiting for the guest");
        } catch (ExecutionException e) {
            return new ProbeResult.NoAnswer(e.getCause().getMessage());
        }
    }

    /** Runs the queued calls; called on the guest's thread from a safe host call. */
    void reached(Instance instance) {
        for (Call call; (call = pending.poll()) != null; ) {
            call.result().complete(invoke(instance, call.export()));
        }
    }

    /**
     * A capability's wait on the guest's thread (see GuestMemory#await): queued calls run before
     * and after it, with no lock held, and a call queued meanwhile ends it early.
     */
    void await(Instance instance, Object monitor, BooleanSupplier blocked, long nanos) throws InterruptedException {
        reached(instance);
        synchronized (monitor) {
            waitingOn = monitor;
            try {
                // a call queued before waitingOn was published is seen here; later ones notify
                if (blocked.getAsBoolean() && pending.isEmpty()) {
                    if (nanos == 0) {
                        monitor.wait();
                    } else {
                        TimeUnit.NANOSECONDS.timedWait(monitor, nanos);
                    }
                }
            } finally {
                waitingOn = null;
            }
        }
        reached(instance);
    }

    /** The guest ended: whoever still waits gets no answer. */
    void close() {
        closed = true;
        for (Call call; (call = pending.poll()) != null; ) {
            call.result().complete(new ProbeResult.NoAnswer("the guest ended"));
        }
    }

    private static ProbeResult invoke(Instance instance, String export) {
        try {
            long[] result = instance.exports().function(export).apply();
            if (result == null || result.length != 1) {
                return new ProbeResult.NoAnswer("export " + export + " must return one i32");
            }
            return new ProbeResult.Answered((int) result[0]);
        } catch (RuntimeException e) {
            return new ProbeResult.NoAnswer("export " + export + " failed: " + e.getMessage());
        }
    }
}
