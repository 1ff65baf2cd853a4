package dev.skiff.shim.task;

import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntConsumer;

/**
 * A pod's infrastructure container. Elsewhere it runs a pause image that only waits for a signal;
 * wasm pods have no such image, so the shim itself waits and ends it on Kill.
 */
final class PodSandbox implements Workload {
    private final AtomicReference<IntConsumer> ended = new AtomicReference<>();

    @Override
    public void start(IntConsumer ended) {
        this.ended.set(ended);
    }

    @Override
    public void kill(int signal) {
        IntConsumer callback = ended.getAndSet(null);
        if (callback != null) {
            callback.accept(128 + signal);
        }
    }

    @Override
    public long cpuNanos() {
        return 0;
    }
}
