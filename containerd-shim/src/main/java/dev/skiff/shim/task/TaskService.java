package dev.skiff.shim.task;

import dev.skiff.runtime.AdmissionException;
import dev.skiff.runtime.ContainerSpec;
import dev.skiff.runtime.Limits;
import dev.skiff.runtime.PreparedModule;
import dev.skiff.runtime.Sandbox;
import dev.skiff.runtime.Versions;
import dev.skiff.runtime.engine.ExecutionMode;
import dev.skiff.runtime.engine.ModuleException;
import dev.skiff.runtime.engine.Mount;
import dev.skiff.shim.oci.BundleException;
import dev.skiff.shim.oci.BundleSpec;
import dev.skiff.shim.oci.Rootfs;
import dev.skiff.shim.proto.TaskApi;
import dev.skiff.shim.proto.TaskEvents;
import dev.skiff.shim.proto.Timestamp;
import dev.skiff.shim.ttrpc.TtrpcException;
import dev.skiff.shim.ttrpc.TtrpcServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.function.Consumer;

/**
 * containerd's {@code containerd.task.v2.Task} service for the tasks of one pod (or one lone
 * container): Create, Start, State, Kill, Delete, Wait, Pids, Stats, Connect and Shutdown; the
 * other methods (exec, pause, checkpoint, update...) answer "not implemented". Every guest runs
 * inside this one process, so each task reports the shim's pid.
 */
public final class TaskService {
    static final String SERVICE = "containerd.task.v2.Task";

    private final Sandbox sandbox;
    private final EventForwarder events;
    private final int pid;
    private final Consumer<String> log;
    private final Map<String, Task> tasks = new ConcurrentHashMap<>();
    private final CountDownLatch shutdown = new CountDownLatch(1);
    private final HeapBudget heap = new HeapBudget(Runtime.getRuntime().maxMemory());

    public TaskService(Sandbox sandbox, EventForwarder events, Consumer<String> log) {
        this.sandbox = sandbox;
        this.events = events;
        this.pid = (int) ProcessHandle.current().pid();
        this.log = log;
    }

    /** The methods for {@link TtrpcServer}, by {@code SERVICE/METHOD}. */
    public Map<String, TtrpcServer.Method> methods() {
        Map<String, TtrpcServer.Method> methods = new LinkedHashMap<>();
        methods.put(SERVICE + "/Create", r -> create(TaskApi.CreateTaskRequest.decode(r)));
        methods.put(SERVICE + "/Start", r -> start(TaskApi.ProcessRef.decode(r)));
        methods.put(SERVICE + "/State", r -> state(TaskApi.ProcessRef.decode(r)));
        methods.put(SERVICE + "/Kill", r -> kill(TaskApi.KillRequest.decode(r)));
        methods.put(SERVICE + "/Delete", r -> delete(TaskApi.ProcessRef.decode(r)));
        methods.put(SERVICE + "/Wait", r -> await(TaskApi.ProcessRef.decode(r)));
        methods.put(SERVICE + "/Pids", r -> pids(TaskApi.ProcessRef.decode(r)));
        methods.put(SERVICE + "/Stats", r -> stats(TaskApi.ProcessRef.decode(r)));
        methods.put(SERVICE + "/Connect", r -> connect(TaskApi.ProcessRef.decode(r)));
        methods.put(SERVICE + "/Shutdown", r -> shutdown(TaskApi.ShutdownRequest.decode(r)));
        return methods;
    }

    /** Blocks until containerd shut the shim down (its last task deleted). */
    public void awaitShutdown() throws InterruptedException {
        shutdown.await();
    }

    byte[] create(TaskApi.CreateTaskRequest request) throws TtrpcException {
        if (shutdown.getCount() == 0) {
            throw new TtrpcException(TtrpcException.UNAVAILABLE, "task " + request.id() + ": this shim is shutting down");
        }
        if (request.terminal()) {
            throw invalid("task " + request.id() + ": terminals are not supported by the Skiff shim (run without -t/--tty)");
        }
        if (!request.checkpoint().isEmpty()) {
            throw invalid("task " + request.id() + ": restoring from a checkpoint is not supported by the Skiff shim");
        }
        if (tasks.containsKey(request.id())) {
            throw new TtrpcException(TtrpcException.ALREADY_EXISTS, "task " + request.id() + " already exists");
        }
        Path bundle = Path.of(request.bundle());
        Rootfs rootfs;
        BundleSpec spec;
        try {
            spec = BundleSpec.read(bundle);
            rootfs = Rootfs.prepare(bundle, spec.rootPath(), request.rootfs());
        } catch (BundleException e) {
            throw invalid(e.getMessage());
        }
        TaskIo io;
        try {
            io = TaskIo.open(request.stdin(), request.stdout(), request.stderr());
        } catch (IOException e) {
            release(request.id(), rootfs);
            throw new TtrpcException(TtrpcException.INTERNAL, "task " + request.id() + ": cannot open its stdio: " + e.getMessage());
        }
        try {
            Workload workload = spec.isPodSandbox() ? new PodSandbox() : guest(request.id(), spec, rootfs, io);
            if (tasks.putIfAbsent(request.id(), new Task(request, workload, io, rootfs, this::exited)) != null) {
                throw new TtrpcException(TtrpcException.ALREADY_EXISTS, "task " + request.id() + " already exists");
            }
        } catch (TtrpcException | RuntimeException e) {
            io.close();
            release(request.id(), rootfs);
            throw e;
        }
        events.publish(TaskEvents.create(request.id(), request.bundle(), request.stdin(), request.stdout(), request.stderr(), pid));
        return TaskApi.pidResponse(pid);
    }

    private GuestWorkload guest(String id, BundleSpec spec, Rootfs rootfs, TaskIo io) throws TtrpcException {
        if (spec.args().isEmpty()) {
            throw invalid("task " + id + ": the spec names no process to run (process.args is empty)");
        }
        String program = spec.args().getFirst();
        Path module = moduleFile(id, rootfs, program);
        Limits limits = Limits.DEFAULT;
        if (spec.memoryLimit().isPresent()) {
            try {
                limits = limits.withMemoryBytes(spec.memoryLimit().getAsLong());
            } catch (IllegalArgumentException e) {
                throw invalid("task " + id + ": linux.resources.memory.limit " + spec.memoryLimit().getAsLong() + ": " + e.getMessage());
            }
        }
        heap.reserve(id, limits.memoryBytes());
        try {
            PreparedModule prepared = sandbox.prepare(Files.readAllBytes(module), ExecutionMode.COMPILED);
            ContainerSpec containerSpec = new ContainerSpec(id, spec.args(), spec.env(), List.of(new Mount(rootfs.dir(), "/")),
                    io.stdin, io.stdout, io.stderr, limits, List.of());
            return new GuestWorkload(sandbox.create(prepared, containerSpec), io.stderr);
        } catch (ModuleException e) {
            heap.release(id);
            throw invalid("task " + id + ": " + program + " is not a valid wasm module: " + e.getMessage());
        } catch (AdmissionException e) {
            heap.release(id);
            throw invalid("task " + id + ": " + e.getMessage());
        } catch (IOException e) {
            heap.release(id);
            throw new TtrpcException(TtrpcException.INTERNAL, "task " + id + ": cannot read " + module + ": " + e.getMessage());
        }
    }

    /**
     * The module file {@code program} names inside the root filesystem. Symlinks are refused, as
     * everywhere in the sandbox: one could point the shim at any file of the host.
     */
    private static Path moduleFile(String id, Rootfs rootfs, String program) throws TtrpcException {
        try {
            Path root = rootfs.dir().toRealPath();
            Path module = root.resolve(program.replaceFirst("^/+", "")).normalize();
            if (module.startsWith(root) && Files.isRegularFile(module, LinkOption.NOFOLLOW_LINKS) && module.toRealPath().equals(module)) {
                return module;
            }
        } catch (IOException e) {
            throw invalid("task " + id + ": cannot read the root filesystem " + rootfs.dir() + ": " + e.getMessage());
        }
        throw invalid("task " + id + ": process.args[0] '" + program
                + "' is not a file in the image's root filesystem (a Skiff image runs /app.wasm; symlinks are not followed)");
    }

    byte[] start(TaskApi.ProcessRef ref) throws TtrpcException {
        Task task = task(ref);
        task.start();
        events.publish(TaskEvents.start(task.id(), pid));
        return TaskApi.pidResponse(pid);
    }

    byte[] state(TaskApi.ProcessRef ref) throws TtrpcException {
        Task task = task(ref);
        TaskApi.CreateTaskRequest r = task.request();
        Task.Exit exit = task.exit().orElse(null);
        return new TaskApi.StateResponse(task.id(), r.bundle(), pid, task.status(), r.stdin(), r.stdout(), r.stderr(),
                exit == null ? 0 : exit.status(), exit == null ? null : Timestamp.of(exit.at())).encode();
    }

    byte[] kill(TaskApi.KillRequest request) throws TtrpcException {
        task(new TaskApi.ProcessRef(request.id(), request.execId())).kill(request.signal());
        return TaskApi.empty();
    }

    byte[] delete(TaskApi.ProcessRef ref) throws TtrpcException {
        Task task = task(ref);
        if (task.status() == TaskApi.Status.RUNNING) {
            throw new TtrpcException(TtrpcException.FAILED_PRECONDITION, "task " + task.id() + " is still running; kill it first");
        }
        if (task.status() == TaskApi.Status.CREATED) {
            task.kill(9); // never started: it ends as a killed process would
        }
        Task.Exit exit = task.awaitExit();
        tasks.remove(task.id());
        release(task);
        Timestamp at = Timestamp.of(exit.at());
        events.publish(TaskEvents.delete(task.id(), pid, exit.status(), at));
        return TaskApi.deleteResponse(pid, exit.status(), at);
    }

    byte[] await(TaskApi.ProcessRef ref) throws TtrpcException {
        Task.Exit exit = task(ref).awaitExit();
        return TaskApi.waitResponse(exit.status(), Timestamp.of(exit.at()));
    }

    byte[] pids(TaskApi.ProcessRef ref) throws TtrpcException {
        task(ref);
        return TaskApi.pidsResponse(pid);
    }

    byte[] stats(TaskApi.ProcessRef ref) throws TtrpcException {
        Task task = task(ref);
        return TaskApi.statsResponse(TaskMetrics.of(task.cpuNanos()));
    }

    byte[] connect(TaskApi.ProcessRef ref) throws TtrpcException {
        task(ref);
        return TaskApi.connectResponse(pid, pid, "skiff " + Versions.skiff());
    }

    byte[] shutdown(TaskApi.ShutdownRequest request) {
        if (request.now() || tasks.isEmpty()) {
            shutdown.countDown();
        }
        return TaskApi.empty();
    }

    private void exited(Task task) {
        heap.release(task.id());
        Task.Exit exit = task.awaitExit();
        events.publish(TaskEvents.exit(task.id(), pid, exit.status(), Timestamp.of(exit.at())));
    }

    private Task task(TaskApi.ProcessRef ref) throws TtrpcException {
        if (!ref.execId().isEmpty()) {
            throw new TtrpcException(TtrpcException.NOT_FOUND, "process " + ref.execId() + " of task " + ref.id()
                    + " not found: the Skiff shim does not run exec processes");
        }
        Task task = tasks.get(ref.id());
        if (task == null) {
            throw new TtrpcException(TtrpcException.NOT_FOUND, "task " + ref.id() + " not found");
        }
        return task;
    }

    private void release(Task task) {
        try {
            task.release();
        } catch (BundleException e) {
            log.accept("task " + task.id() + ": " + e.getMessage());
        }
    }

    private void release(String id, Rootfs rootfs) {
        try {
            rootfs.release();
        } catch (BundleException e) {
            log.accept("task " + id + ": " + e.getMessage());
        }
    }

    private static TtrpcException invalid(String message) {
        return new TtrpcException(TtrpcException.INVALID_ARGUMENT, message);
    }
}
