package dev.skiff.runtime;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.LockSupport;

/**
 * One thread that enforces time limits for every running container of a sandbox. Chicory has no
 * fuel metering, so CPU time is read per guest thread and an over-limit guest is interrupted; a
 * guest that ignores the interrupt past its grace period is abandoned.
 */
final class Watchdog {
    private static final long PERIOD_NANOS = 5_000_000;

    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private final Set<Container> watched = ConcurrentHashMap.newKeySet();
    private final Thread thread;
    private volatile boolean closed;

    Watchdog() {
        thread = Thread.ofPlatform().name("skiff-watchdog").daemon().unstarted(this::loop);
        thread.start();
    }

    void watch(Container container) {
        watched.add(container);
        LockSupport.unpark(thread); // it may be parked with nothing to watch
    }

    void forget(Container container) {
        watched.remove(container);
    }

    long cpuNanos(Thread guest) {
        return threads.getThreadCpuTime(guest.threadId());
    }

    static long currentThreadCpuNanos() {
        return ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
    }

    /** WAITING while parked with nothing to watch, TIMED_WAITING between rounds. */
    Thread.State state() {
        return thread.getState();
    }

    void close() {
        closed = true;
        LockSupport.unpark(thread);
    }

    /**
     * With nothing to watch it parks until {@link #watch} unparks it, so an idle sandbox costs no
     * wake-ups (200 a second otherwise); a watch that lands between the check and the park leaves
     * the permit that makes the park return at once.
     */
    private void loop() {
        while (!closed) {
            if (watched.isEmpty()) {
                LockSupport.park(this);
                continue;
            }
            long now = System.nanoTime();
            for (Container container : watched) {
                container.enforceLimits(now, this);
            }
            LockSupport.parkNanos(PERIOD_NANOS);
        }
    }
}
