package dev.skiff.runtime.capability.poll;

import dev.skiff.runtime.capability.GuestMemory;
import dev.skiff.runtime.capability.GuestTrap;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.function.IntSupplier;

/**
 * One container's pollables: its handles for them, and the one place its guest thread waits.
 * Event sources call {@link #wake()} when a pollable may have become ready. A wait ends when a
 * pollable is ready, when the guest thread is interrupted (a stop) or when the container ends,
 * so a container blocked in a wait can always be stopped at once.
 */
public final class Pollables {
    /** Enough for any real poll loop; more means a guest that never drops its pollables. */
    static final int MAX_OPEN = 1024;

    private final IntSupplier handles;
    private final Map<Integer, Pollable> table = new HashMap<>();
    private boolean closed;
    /** Counts wake-ups, so a waiter can tell whether one came since it last looked. */
    private long wakeups;

    /** @param handles hands out the container's next resource handle (shared with its other resources) */
    public Pollables(IntSupplier handles) {
        this.handles = handles;
    }

    public synchronized int add(Pollable pollable) {
        if (table.size() >= MAX_OPEN) {
            pollable.dropped();
            throw new GuestTrap("more than " + MAX_OPEN + " pollables open: the guest does not drop them");
        }
        int handle = handles.getAsInt();
        table.put(handle, pollable);
        return handle;
    }

    synchronized boolean ready(int handle) {
        return get(handle).readyAtNanos() <= System.nanoTime();
    }

    synchronized void drop(int handle) {
        Pollable pollable = table.remove(handle);
        if (pollable == null && !closed) {
            throw new GuestTrap("resource-drop of unknown pollable " + handle);
        }
        if (pollable != null) {
            pollable.dropped();
        }
    }

    /** Something may have become ready: the waiting guest looks again. */
    public synchronized void wake() {
        wakeups++;
        notifyAll();
    }

    /**
     * Blocks until at least one of {@code handles} is ready; returns the indices (into
     * {@code handles}) of those that are. Waits through {@code memory}, so the wait is a safe point.
     *
     * @throws CancellationException when the guest is being stopped or its container ended
     */
    List<Integer> await(int[] handles, GuestMemory memory) {
        List<Pollable> waited = new ArrayList<>(handles.length);
        synchronized (this) {
            for (int handle : handles) {
                waited.add(get(handle));
            }
        }
        while (true) {
            long seen;
            long now = System.nanoTime();
            long next = Pollable.NEVER;
            List<Integer> ready = new ArrayList<>();
            synchronized (this) {
                if (closed) {
                    throw new CancellationException("the container ended while its guest waited");
                }
                seen = wakeups;
                for (int i = 0; i < waited.size(); i++) {
                    long at = waited.get(i).readyAtNanos();
                    if (at <= now) {
                        ready.add(i);
                    } else {
                        next = Math.min(next, at);
                    }
                }
            }
            if (!ready.isEmpty()) {
                return ready;
            }
            try {
                memory.await(this, () -> wakeups == seen, next == Pollable.NEVER ? 0 : next - now);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CancellationException("wait interrupted: the container is stopping");
            }
        }
    }

    /** The container ended: its pollables are gone, and a guest thread still waiting gives up. */
    public synchronized void close() {
        closed = true;
        table.values().forEach(Pollable::dropped);
        table.clear();
        wakeups++;
        notifyAll();
    }

    private Pollable get(int handle) {
        Pollable pollable = table.get(handle);
        if (pollable == null) {
            if (closed) {
                throw new CancellationException("the container ended; its pollables are gone");
            }
            throw new GuestTrap("unknown pollable " + handle);
        }
        return pollable;
    }
}
