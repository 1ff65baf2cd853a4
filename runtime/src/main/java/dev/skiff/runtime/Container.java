package dev.skiff.runtime;

import dev.skiff.protocols.Quantities;
import dev.skiff.runtime.engine.GuestEnvironment;
import dev.skiff.runtime.engine.GuestInstance;
import dev.skiff.runtime.engine.ProbeResult;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import dev.skiff.runtime.engine.ModuleException;
import dev.skiff.runtime.engine.RunOutcome;
import dev.skiff.runtime.engine.WasmEngine;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * One run of a prepared module on its own thread (with the stack size its limits ask for).
 * {@link #stop(Duration)} interrupts the guest, waits the grace period, then abandons the thread
 * and marks the container failed: a JVM cannot kill a thread, but it can stop waiting for it.
 */
public final class Container {
    private final PreparedModule module;
    private final ContainerSpec spec;
    private final WasmEngine engine;
    private final Watchdog watchdog;
    private final CountDownLatch done = new CountDownLatch(1);

    private volatile ContainerState state = new ContainerState.Created();
    private volatile GuestInstance instance;
    /** Completed with the instance once instantiated, or with null if the container ended first. */
    private final CompletableFuture<GuestInstance> instantiated = new CompletableFuture<>();
    private volatile Thread thread;
    private volatile ContainerState.Killed pendingKill;
    private volatile long killDeadlineNanos;
    private long startRequestedNanos;
    private volatile long guestStartedNanos;
    private volatile long instantiateNanos;
    private volatile long runNanos;
    private volatile long cpuNanos;
    private volatile long killIssuedNanos;
    private volatile long endedNanos;

    Container(PreparedModule module, ContainerSpec spec, WasmEngine engine, Watchdog watchdog) {
        this.module = module;
        this.spec = spec;
        this.engine = engine;
        this.watchdog = watchdog;
    }

    public String name() {
        return spec.name();
    }

    public ContainerSpec spec() {
        return spec;
    }

    public PreparedModule module() {
        return module;
    }

    public ContainerState state() {
        return state;
    }

    /** Starts the guest; returns at once. */
    public synchronized Container start() {
        if (!(state instanceof ContainerState.Created)) {
            throw new IllegalStateException("container " + name() + " was already started");
        }
        state = new ContainerState.Running();
        startRequestedNanos = System.nanoTime();
        thread =
                Thread.ofPlatform()
                        .name("skiff-guest-" + name())
                        .daemon()
                        .stackSize(spec.limits().stackBytes())
                        .unstarted(this::runGuest);
        watchdog.watch(this);
        thread.start();
        return this;
    }

    /** Starts and waits for the end; the final state. */
    public ContainerState run() throws InterruptedException {
        start();
        return awaitEnd();
    }

    public ContainerState awaitEnd() throws InterruptedException {
        done.await();
        return state;
    }

    /** The state once final, or the current (running) state after the timeout. */
    public ContainerState awaitEnd(Duration timeout) throws InterruptedException {
        done.await(timeout.toNanos(), TimeUnit.NANOSECONDS);
        return state;
    }

    /**
     * Stops the guest like SIGTERM (exit code 143); after {@code grace} it is abandoned and the
     * container marked failed (137). Returns the final state.
     */
    public ContainerState stop(Duration grace) throws InterruptedException {
        kill(ContainerState.SIGTERM, grace);
        return awaitEnd();
    }

    /**
     * Ends the guest as if by {@code signal} (exit code 128+signal), as containerd's Kill asks;
     * returns at once. After {@code grace} a guest that has not stopped is abandoned (failed, 137).
     */
    public void kill(int signal, Duration grace) {
        kill(new ContainerState.Killed(signal, signal == ContainerState.SIGTERM ? "stopped" : "signal " + signal), grace);
    }

    /** Time from {@link #start()} until the guest's {@code _start} was entered. */
    public Duration startLatency() {
        long started = guestStartedNanos;
        return started == 0 ? Duration.ZERO : Duration.ofNanos(started - startRequestedNanos);
    }

    public Duration instantiateTime() {
        return Duration.ofNanos(instantiateNanos);
    }

    public Duration runTime() {
        return Duration.ofNanos(runNanos);
    }

    /** CPU time the guest thread used so far; final once the container ended. */
    public Duration cpuTime() {
        Thread guest = thread;
        long live = state instanceof ContainerState.Running && guest != null ? watchdog.cpuNanos(guest) : -1;
        if (live >= 0) { // -1 also when the thread just ended: its final figure follows
            return Duration.ofNanos(live);
        }
        return Duration.ofNanos(cpuNanos);
    }

    /**
     * Calls a health export of the running guest (see {@link GuestInstance#probe}); a container
     * that is not running gives {@link ProbeResult.NoAnswer}.
     */
    public ProbeResult probe(String export, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        GuestInstance guest;
        try {
            guest = state instanceof ContainerState.Running ? instantiated.get(timeout.toNanos(), TimeUnit.NANOSECONDS) : null;
        } catch (TimeoutException | ExecutionException e) {
            guest = null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            guest = null;
        }
        if (guest == null || !(state instanceof ContainerState.Running)) {
            return new ProbeResult.NoAnswer("the container is " + state.describe());
        }
        return guest.probe(export, Duration.ofNanos(Math.max(0, deadline - System.nanoTime())));
    }

    /** Time from a stop or limit kill being issued until the guest ended; zero if none was. */
    public Duration killLatency() {
        long issued = killIssuedNanos;
        return issued == 0 || endedNanos == 0 ? Duration.ZERO : Duration.ofNanos(endedNanos - issued);
    }

    private void kill(ContainerState.Killed reason, Duration grace) {
        synchronized (this) {
            if (state.isFinal() || pendingKill != null) {
                return;
            }
            pendingKill = reason;
            killIssuedNanos = System.nanoTime();
            killDeadlineNanos = killIssuedNanos + grace.toNanos();
        }
        GuestInstance guest = instance;
        if (guest != null) {
            guest.interrupt();
        } else if (thread != null) {
            thread.interrupt(); // still instantiating
        }
    }

    /** Called by the watchdog every few milliseconds while running. */
    void enforceLimits(long now, Watchdog dog) {
        if (state.isFinal()) {
            dog.forget(this);
            return;
        }
        Limits limits = spec.limits();
        if (pendingKill != null) {
            if (now - killDeadlineNanos > 0) {
                finish(new ContainerState.Failed(
                        "guest did not stop within its grace period after being "
                                + pendingKill.reason() + "; its thread was abandoned"));
            }
            return;
        }
        Thread guest = thread;
        if (limits.limitsCpu() && guest != null && dog.cpuNanos(guest) > limits.cpuTime().toNanos()) {
            kill(new ContainerState.Killed(ContainerState.SIGKILL,
                    "CPU-time limit of " + Quantities.formatDuration(limits.cpuTime()) + " reached"), GRACE);
        } else if (limits.limitsWall() && now - startRequestedNanos > limits.wallTime().toNanos()) {
            kill(new ContainerState.Killed(ContainerState.SIGKILL,
                    "wall-time limit of " + Quantities.formatDuration(limits.wallTime()) + " reached"), GRACE);
        }
    }

    /** How long a guest that hit a time limit gets to notice the interrupt. */
    private static final Duration GRACE = Duration.ofSeconds(1);

    private void runGuest() {
        ContainerState end;
        try {
            long t0 = System.nanoTime();
            GuestInstance guest = engine.instantiate(module.compiled(), environment());
            long t1 = System.nanoTime();
            instantiateNanos = t1 - t0;
            instance = guest;
            instantiated.complete(guest);
            if (pendingKill != null) {
                guest.interrupt();
            }
            guestStartedNanos = System.nanoTime();
            RunOutcome outcome = guest.run();
            runNanos = System.nanoTime() - guestStartedNanos;
            end = stateOf(outcome);
        } catch (ModuleException e) {
            end = pendingKill != null ? pendingKill : new ContainerState.Failed(e.getMessage());
        } catch (RuntimeException | StackOverflowError e) {
            end = new ContainerState.Failed("engine error: " + e);
        }
        cpuNanos = Watchdog.currentThreadCpuNanos();
        instantiated.complete(null);
        finish(end);
    }

    private ContainerState stateOf(RunOutcome outcome) {
        return switch (outcome) {
            case RunOutcome.Exited e -> new ContainerState.Exited(e.code());
            case RunOutcome.Interrupted i ->
                    pendingKill != null ? pendingKill : new ContainerState.Killed(ContainerState.SIGKILL, "interrupted");
            case RunOutcome.MemoryLimitExceeded m -> new ContainerState.Failed(
                    "memory limit of " + Quantities.formatBytes(m.limitBytes())
                            + " reached (the guest tried to grow its memory to "
                            + Quantities.formatBytes(m.requestedBytes()) + ")");
            case RunOutcome.Trapped t -> new ContainerState.Failed("wasm trap: " + t.message());
        };
    }

    private GuestEnvironment environment() {
        return new GuestEnvironment(
                spec.args(),
                spec.env(),
                spec.mounts(),
                spec.stdin(),
                spec.stdout(),
                spec.stderr(),
                spec.limits().memoryBytes(),
                spec.limits().maxOpenFiles(),
                spec.capabilities());
    }

    private synchronized void finish(ContainerState end) {
        if (state.isFinal()) {
            return; // abandoned earlier; the late outcome changes nothing
        }
        state = end;
        endedNanos = System.nanoTime();
        // Before anyone waiting sees the end: a stopped app's pins are already safe.
        spec.capabilities().forEach(capability -> capability.lease().release());
        watchdog.forget(this);
        done.countDown();
    }
}
