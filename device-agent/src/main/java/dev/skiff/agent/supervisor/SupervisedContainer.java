package dev.skiff.agent.supervisor;

import dev.skiff.agent.logs.LogStore;
import dev.skiff.agent.state.RunRepository;
import dev.skiff.protocols.manifest.AppManifest.RestartPolicy;
import dev.skiff.runtime.AdmissionException;
import dev.skiff.runtime.Container;
import dev.skiff.runtime.ContainerSpec;
import dev.skiff.runtime.ContainerState;
import dev.skiff.runtime.capability.CapabilityUnavailableException;
import dev.skiff.runtime.capability.HostModule;
import dev.skiff.runtime.capability.Peripherals;
import dev.skiff.runtime.engine.ProbeResult;
import dev.skiff.runtime.Sandbox;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A release's container under supervision: started, recorded, and restarted by its restart
 * policy with backoff until it ends for good or is stopped. One virtual thread per release
 * waits on the container (the guest runs on its own platform thread).
 */
public final class SupervisedContainer {
    private final ContainerTemplate template;
    private final Sandbox sandbox;
    private final LogStore logs;
    private final RunRepository runs;
    private final Peripherals peripherals;
    private final Runnable onEnd;
    private final Backoff backoff;
    private final CountDownLatch stopSignal = new CountDownLatch(1);
    private final CountDownLatch ended = new CountDownLatch(1);
    private final Container first;

    private volatile Container current;
    private volatile boolean stopping;
    private volatile boolean restarting;
    private volatile int restarts;
    private volatile long endedCpuNanos;

    /** Admits and starts the first container; {@code onEnd} runs once supervision is over. */
    SupervisedContainer(ContainerTemplate template, Sandbox sandbox, LogStore logs, RunRepository runs, Peripherals peripherals,
            Runnable onEnd) throws AdmissionException {
        this.template = template;
        this.sandbox = sandbox;
        this.logs = logs;
        this.runs = runs;
        this.peripherals = peripherals;
        this.onEnd = onEnd;
        this.backoff = Backoff.of(template.restart());
        this.first = create();
        this.current = first;
        first.start();
        Thread.ofVirtual().name("skiff-supervise-" + template.name()).start(this::supervise);
    }

    public ContainerTemplate template() {
        return template;
    }

    /** Whether supervision is over: stopped, or ended and not to be restarted. */
    public boolean hasEnded() {
        return ended.getCount() == 0;
    }

    /**
     * The state of the release's first container after at most {@code timeout}: still
     * {@link ContainerState.Running} when it kept running that long. Health checks ask this.
     */
    public ContainerState awaitFirstRun(Duration timeout) throws InterruptedException {
        return first.awaitEnd(timeout);
    }

    /** Calls a health export of the release's first container (see {@link Container#probe}). */
    public ProbeResult probeFirst(String export, Duration timeout) {
        return first.probe(export, timeout);
    }

    /** Stops the container like SIGTERM and ends supervision; returns its final state. */
    public ContainerState stop(Duration grace) throws InterruptedException {
        Container container;
        synchronized (this) {
            stopping = true;
            container = current;
        }
        stopSignal.countDown();
        ContainerState end = container.stop(grace);
        ended.await();
        return end;
    }

    public ContainerStatus status() {
        Container container = current;
        long cpu = endedCpuNanos + (container.state().isFinal() ? 0 : container.cpuTime().toNanos());
        return new ContainerStatus(template.name(), template.app(), template.releaseId(), container.state(), restarting, restarts,
                template.limits().memoryBytes(), Duration.ofNanos(cpu));
    }

    /** A fresh container, with fresh capabilities: a container's GPIO lines and serial devices are claimed by its admission. */
    private Container create() throws AdmissionException {
        List<HostModule> capabilities;
        try {
            capabilities = peripherals.hostModules(template.name(), template.grants());
        } catch (CapabilityUnavailableException e) {
            throw new AdmissionException(e.getMessage());
        }
        OutputStream out = logs.writer(template.app(), "stdout");
        OutputStream err = logs.writer(template.app(), "stderr");
        return sandbox.create(template.module(), new ContainerSpec(template.name(), template.argv(), template.env(), template.mounts(),
                InputStream.nullInputStream(), out, err, template.limits(), capabilities));
    }

    private void supervise() {
        Container container = first;
        int inARow = 0;
        try {
            while (true) {
                Instant started = Instant.now();
                long run = runs.started(template.releaseId(), template.app(), restarts, started);
                ContainerState end = container.awaitEnd();
                Instant finished = Instant.now();
                container.spec().stdout().close(); // flushes a last line that had no newline
                container.spec().stderr().close();
                runs.ended(run, finished, end.exitCode(), end.describe());
                endedCpuNanos += container.cpuTime().toNanos();
                if (stopping || !restartsAfter(template.restart().policy(), end)) {
                    return;
                }
                boolean recovered = Duration.between(started, finished).compareTo(Backoff.RESET_AFTER) >= 0;
                inARow = recovered ? 1 : inARow + 1;
                restarting = true;
                if (stopSignal.await(backoff.delay(inARow).toNanos(), TimeUnit.NANOSECONDS)) {
                    return;
                }
                synchronized (this) {
                    if (stopping) {
                        return;
                    }
                    container = create();
                    container.start();
                    current = container;
                    restarts++;
                    restarting = false;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // nobody interrupts this thread; keep the flag if someone does
        } catch (AdmissionException | IOException | RuntimeException e) {
            // the same template was admitted before, so this is a failure of the agent itself:
            // end supervision rather than loop on it; the last container's end is recorded
        } finally {
            restarting = false;
            onEnd.run();
            ended.countDown();
        }
    }

    static boolean restartsAfter(RestartPolicy policy, ContainerState end) {
        return switch (policy) {
            case NO -> false;
            case ON_FAILURE -> end.exitCode() != 0;
            case ALWAYS -> true;
        };
    }
}
