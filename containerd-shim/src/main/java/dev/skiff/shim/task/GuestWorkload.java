package dev.skiff.shim.task;

import dev.skiff.runtime.Container;
import dev.skiff.runtime.ContainerState;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.function.IntConsumer;

/**
 * A wasm guest in the sandbox. Its exit code follows DESIGN §5 (the guest's own, 128+signal when
 * killed, 137 when the sandbox ended it); when the sandbox ended it (a limit, a trap), why goes to
 * the task's stderr, where {@code ctr} and {@code kubectl logs} show it.
 */
final class GuestWorkload implements Workload {
    /** How long a guest may take to notice SIGTERM before it is abandoned (137), like a runtime's stop timeout. */
    static final Duration TERM_GRACE = Duration.ofSeconds(10);
    static final Duration KILL_GRACE = Duration.ofSeconds(2);

    private final Container container;
    private final OutputStream stderr;
    private volatile boolean killed;

    GuestWorkload(Container container, OutputStream stderr) {
        this.container = container;
        this.stderr = stderr;
    }

    @Override
    public void start(IntConsumer ended) {
        container.start();
        Thread.ofVirtual().name("await-" + container.name()).start(() -> {
            ContainerState end;
            try {
                end = container.awaitEnd();
            } catch (InterruptedException e) {
                return; // only the daemon's exit interrupts this
            }
            if (end instanceof ContainerState.Failed || end instanceof ContainerState.Killed && !killed) {
                report(end);
            }
            ended.accept(end.exitCode());
        });
    }

    @Override
    public void kill(int signal) {
        killed = true;
        container.kill(signal, signal == ContainerState.SIGKILL ? KILL_GRACE : TERM_GRACE);
    }

    @Override
    public long cpuNanos() {
        return container.cpuTime().toNanos();
    }

    private void report(ContainerState end) {
        try {
            stderr.write(("skiff: container " + container.name() + " " + end.describe() + "\n").getBytes(StandardCharsets.UTF_8));
            stderr.flush();
        } catch (IOException e) {
            // nobody reads the task's stderr any more
        }
    }
}
