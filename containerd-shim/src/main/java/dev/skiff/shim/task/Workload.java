package dev.skiff.shim.task;

import java.util.function.IntConsumer;

/** What a task runs: a wasm guest, or nothing at all for a pod's infrastructure container. */
sealed interface Workload permits GuestWorkload, PodSandbox {

    /** Starts; {@code ended} is called once, with the exit code, when the workload ends. */
    void start(IntConsumer ended);

    /** Asks the workload to end as if by {@code signal}; returns at once. */
    void kill(int signal);

    /** CPU time used so far, in nanoseconds. */
    long cpuNanos();
}
