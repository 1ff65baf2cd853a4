package dev.skiff.agent.supervisor;

import dev.skiff.agent.logs.LogStore;
import dev.skiff.agent.state.RunRepository;
import dev.skiff.runtime.AdmissionException;
import dev.skiff.runtime.Container;
import dev.skiff.runtime.ContainerSpec;
import dev.skiff.runtime.ContainerState;
import dev.skiff.runtime.Sandbox;
import dev.skiff.runtime.capability.Peripherals;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Runs releases as containers and keeps them running by their restart policies. Every container
 * reserves its memory limit from the agent's budget first, so the sum of admitted limits never
 * exceeds it. A container that ended for good stays listed (for {@code ps}) until it is stopped
 * or replaced, but holds no memory.
 */
public final class Supervisor {
    private final Sandbox sandbox;
    private final LogStore logs;
    private final RunRepository runs;
    private final MemoryBudget budget;
    private final Peripherals peripherals;
    private final Map<String, SupervisedContainer> containers = new ConcurrentHashMap<>();
    private final Set<Container> oneOffs = ConcurrentHashMap.newKeySet();
    private final AtomicLong oneOffCount = new AtomicLong();

    public Supervisor(Sandbox sandbox, LogStore logs, RunRepository runs, long memoryBudgetBytes, Peripherals peripherals) {
        this.sandbox = sandbox;
        this.logs = logs;
        this.runs = runs;
        this.peripherals = peripherals;
        this.budget = new MemoryBudget(memoryBudgetBytes);
    }

    /**
     * Admits (memory budget, imports) and starts a release's container, replacing one of the
     * same release that ended for good.
     *
     * @throws AdmissionException naming the numbers when the budget cannot hold it, or the import
     * that is not granted
     * @throws IllegalStateException when the release is already running
     */
    public synchronized SupervisedContainer start(ContainerTemplate template) throws AdmissionException {
        SupervisedContainer existing = containers.get(template.name());
        if (existing != null && !existing.hasEnded()) {
            throw new IllegalStateException(template.name() + " is already running");
        }
        budget.reserve(template.name(), template.limits().memoryBytes());
        try {
            SupervisedContainer started = new SupervisedContainer(template, sandbox, logs, runs, peripherals, () -> budget.release(template.name()));
            containers.put(template.name(), started);
            return started;
        } catch (AdmissionException | RuntimeException e) {
            budget.release(template.name());
            throw e;
        }
    }

    /**
     * Admits a template's container like {@link #start} and runs it once to its end, unsupervised:
     * no restart, no record, not in {@code ps}; it is named {@code run-N}. A shutdown stops it like
     * the others, and so does an interrupt of the caller (who then no longer waits for the end).
     */
    public ContainerState runOnce(ContainerTemplate template, OutputStream stdout, OutputStream stderr)
            throws AdmissionException, InterruptedException {
        String name = "run-" + oneOffCount.incrementAndGet();
        budget.reserve(name, template.limits().memoryBytes());
        try {
            Container container = sandbox.create(template.module(), new ContainerSpec(name, template.argv(), template.env(), template.mounts(),
                    InputStream.nullInputStream(), stdout, stderr, template.limits(), List.of()));
            oneOffs.add(container);
            try {
                return container.run();
            } catch (InterruptedException e) {
                container.stop(Duration.ZERO);
                throw e;
            } finally {
                oneOffs.remove(container);
            }
        } finally {
            budget.release(name);
        }
    }

    public Optional<SupervisedContainer> find(String app, long releaseId) {
        return containers.values().stream()
                .filter(c -> c.template().app().equals(app) && c.template().releaseId() == releaseId)
                .findFirst();
    }

    /** Stops every container of the app and forgets them. */
    public void stopApp(String app, Duration grace) throws InterruptedException {
        for (SupervisedContainer c : List.copyOf(containers.values())) {
            if (c.template().app().equals(app)) {
                stop(c, grace);
            }
        }
    }

    /** Stops a container and forgets it. */
    public void stop(SupervisedContainer container, Duration grace) throws InterruptedException {
        container.stop(grace);
        containers.remove(container.template().name(), container);
    }

    /** Stops everything, e.g. when the agent shuts down; containers stop in parallel. */
    public void stopAll(Duration grace) throws InterruptedException {
        List<Thread> stoppers = new ArrayList<>();
        for (SupervisedContainer c : List.copyOf(containers.values())) {
            stoppers.add(inParallel(() -> stop(c, grace)));
        }
        for (Container c : List.copyOf(oneOffs)) {
            stoppers.add(inParallel(() -> c.stop(grace)));
        }
        for (Thread t : stoppers) {
            t.join();
        }
    }

    private interface Stopping {
        void run() throws InterruptedException;
    }

    private static Thread inParallel(Stopping stopping) {
        return Thread.ofVirtual().start(() -> {
            try {
                stopping.run();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
    }

    /** The memory running containers have reserved of the budget. */
    public long memoryReservedBytes() {
        return budget.reservedBytes();
    }

    /** By app, then release. */
    public List<ContainerStatus> list() {
        return containers.values().stream().map(SupervisedContainer::status)
                .sorted(Comparator.comparing(ContainerStatus::app).thenComparingLong(ContainerStatus::releaseId))
                .toList();
    }
}
