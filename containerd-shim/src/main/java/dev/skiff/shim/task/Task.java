package dev.skiff.shim.task;

import dev.skiff.shim.oci.BundleException;
import dev.skiff.shim.oci.Rootfs;
import dev.skiff.shim.proto.TaskApi;
import dev.skiff.shim.ttrpc.TtrpcException;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/** One containerd task (a container's init process): created → running → stopped. */
final class Task {
    /** How a task ended: its exit status and when. */
    record Exit(int status, Instant at) {}

    private final TaskApi.CreateTaskRequest request;
    private final Workload workload;
    private final TaskIo io;
    private final Rootfs rootfs;
    private final Consumer<Task> onExit;
    private final CompletableFuture<Exit> exit = new CompletableFuture<>();
    private boolean started;

    Task(TaskApi.CreateTaskRequest request, Workload workload, TaskIo io, Rootfs rootfs, Consumer<Task> onExit) {
        this.request = request;
        this.workload = workload;
        this.io = io;
        this.rootfs = rootfs;
        this.onExit = onExit;
    }

    String id() {
        return request.id();
    }

    TaskApi.CreateTaskRequest request() {
        return request;
    }

    synchronized void start() throws TtrpcException {
        if (started || exit.isDone()) {
            throw new TtrpcException(TtrpcException.FAILED_PRECONDITION, "task " + id() + " was already started");
        }
        started = true;
        workload.start(this::ended);
    }

    /** Delivers a signal; a task never started ends at once with 128+signal, as a process would. */
    void kill(int signal) throws TtrpcException {
        if (exit.isDone()) {
            throw new TtrpcException(TtrpcException.NOT_FOUND, "task " + id() + " has already exited");
        }
        if (signal == 0) {
            return; // a liveness probe, not a request to stop
        }
        synchronized (this) {
            if (!started) {
                ended(128 + signal);
                return;
            }
        }
        workload.kill(signal);
    }

    TaskApi.Status status() {
        if (exit.isDone()) {
            return TaskApi.Status.STOPPED;
        }
        synchronized (this) {
            return started ? TaskApi.Status.RUNNING : TaskApi.Status.CREATED;
        }
    }

    Optional<Exit> exit() {
        return Optional.ofNullable(exit.getNow(null));
    }

    Exit awaitExit() {
        return exit.join();
    }

    long cpuNanos() {
        return workload.cpuNanos();
    }

    /** Gives back what the task held: its stdio and its root filesystem mounts. */
    void release() throws BundleException {
        io.close();
        rootfs.release();
    }

    private void ended(int code) {
        io.close(); // before anyone learns of the exit: ctr waits for the output to end
        if (exit.complete(new Exit(code, Instant.now()))) {
            onExit.accept(this);
        }
    }
}
