package dev.skiff.bench;

import dev.skiff.agent.client.AgentClient;
import dev.skiff.protocols.api.ReleaseInfo;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code bench/agent.sh}: the device agent as a process, driven through its mTLS API like an
 * operator would — idle footprint and time to ready, churn of short-lived containers, density of
 * idle sleepers, and the deploy of a signed 1 MiB module.
 *
 * <p>Usage: {@code AgentBench --agent-jar skiff-agent.jar --out agent.md [--agent-jvm-flags "..."]
 * [--idle-starts 3] [--churn 1000] [--sleepers 1000] [--deploys 5] EXAMPLES_DIR}
 */
public final class AgentBench {
    /** How long the agent is left alone before its RSS is read after a start or the density deploys. */
    static final Duration SETTLE = Duration.ofSeconds(5);
    /**
     * How long an agent left alone since its start counts as idle: its RSS falls by about 6 MB
     * some 10 s after ready (the JIT's start-up compilations done, their memory trimmed), then holds.
     */
    static final Duration IDLE = Duration.ofSeconds(20);
    /** Concurrent API clients for deploys: the agent serialises them, so a few are enough to keep it busy. */
    private static final int DEPLOY_CLIENTS = 4;
    /** Concurrent API clients for runs, each on its own kept-alive connection: runs go on in parallel in the agent. */
    static final int RUN_CLIENTS = 8;
    /** Runs before the churn is timed. */
    static final int CHURN_WARM_UP = 300;
    /** Room for the 1000 sleepers' 1M limits, the concurrent runs' and the deploys': the agent refuses a budget its heap cannot hold. */
    static final String MEMORY_BUDGET = "1200M";
    private static final Pattern RUNNING = Pattern.compile("(?m)^skiff_containers\\{state=\"running\"} (\\d+)$");

    /** A fresh agent's time to ready and its RSS after {@link #SETTLE} and after {@link #IDLE}. */
    record IdleFigure(Duration ready, long settledRssBytes, long idleRssBytes) {}

    /** {@code containers} runs (create, start, wait, delete) in {@code elapsed}; {@code failures} did not exit 0. */
    record ChurnFigure(int containers, Duration elapsed, int failures) {
        double perSecond() {
            return containers / (elapsed.toNanos() / 1e9);
        }
    }

    /** {@code sleepers} deployed in {@code deployTime}, {@code running} by the agent's metrics, and its RSS before and after. */
    record DensityFigure(int sleepers, Duration deployTime, int running, long rssBeforeBytes, long rssAfterBytes, Duration shutdown) {}

    /** Each delivery of a distinct signed 1 MiB module: its push to the agent's {@code /v2/}, then its deploy call → running. */
    record DeployFigure(int moduleBytes, List<Duration> pushes, List<Long> uploadedBytes, List<Duration> latencies) {}

    public static void main(String[] args) throws Exception {
        Path jar = null;
        Path out = null;
        Path examples = null;
        List<String> agentFlags = List.of();
        int idleStarts = 3;
        int churn = 1000;
        int sleepers = 1000;
        int deploys = 5;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--agent-jar" -> jar = Path.of(args[++i]);
                case "--out" -> out = Path.of(args[++i]);
                case "--agent-jvm-flags" -> agentFlags = Arrays.stream(args[++i].split("\\s+")).filter(s -> !s.isEmpty()).toList();
                case "--idle-starts" -> idleStarts = Integer.parseInt(args[++i]);
                case "--churn" -> churn = Integer.parseInt(args[++i]);
                case "--sleepers" -> sleepers = Integer.parseInt(args[++i]);
                case "--deploys" -> deploys = Integer.parseInt(args[++i]);
                default -> examples = Path.of(args[i]);
            }
        }
        String loadBefore = Environment.loadAverage();
        Path work = Files.createTempDirectory("skiff-agent-bench");
        byte[] hello = Files.readAllBytes(examples.resolve("hello/hello.wasm"));
        byte[] sleeper = Files.readAllBytes(examples.resolve("sleeper/sleeper.wasm"));
        List<IdleFigure> idle = new ArrayList<>();
        ChurnFigure churned;
        DensityFigure density;
        DeployFigure deployed;
        try (BenchOperator operator = BenchOperator.create(work.resolve("operator"))) {
            for (int i = 1; i < idleStarts; i++) {
                try (AgentProcess agent = startSettled(jar, agentFlags, work.resolve("idle-" + i), operator, idle)) {
                    say("idle agent " + i + ": " + idle.getLast());
                }
            }
            Path dir = work.resolve("agent");
            try (AgentProcess agent = startSettled(jar, agentFlags, dir, operator, idle)) {
                say("idle agent " + idleStarts + ": " + idle.getLast() + "; this one stays up for the rest");
                AgentClient client = operator.enroll(agent);
                deployed = deployLatency(client, operator, sleeper, deploys);
                say("deploys: " + deployed);
                churned = churn(client, pushed(client, operator, operator.buildSigned("churn", "1", hello, "resources: {memory: 1M}\n")), churn);
                say("churn: " + churned);
            }
            // Density in an agent of its own, as a device that just runs its apps: what the deploys and
            // churn above left in the first agent's heap and code cache is not what idle containers cost.
            try (AgentProcess agent = AgentProcess.start(jar, agentFlags, work.resolve("density"), MEMORY_BUDGET, operator.publicKey())) {
                AgentClient client = operator.enroll(agent);
                density = density(agent, client, pushed(client, operator, operator.buildSigned("idle", "1", sleeper,
                        "args: [\"3600000\"]\nresources: {memory: 1M}\nrestart: {policy: \"no\"}\nhealth: {running-for: 0s}\n")), sleepers);
                say("density: " + density);
            }
        }
        String report = new AgentReport(agentFlags, loadBefore, Environment.loadAverage(), idle, churned, density, deployed).markdown();
        Files.createDirectories(out.toAbsolutePath().getParent());
        Files.writeString(out, report);
        System.out.print(report);
    }

    private static AgentProcess startSettled(Path jar, List<String> flags, Path dir, BenchOperator operator, List<IdleFigure> figures)
            throws IOException, InterruptedException {
        AgentProcess agent = AgentProcess.start(jar, flags, dir, MEMORY_BUDGET, operator.publicKey());
        Thread.sleep(SETTLE);
        long settled = agent.rssBytes();
        Thread.sleep(IDLE.minus(SETTLE));
        figures.add(new IdleFigure(agent.readyTime(), settled, agent.rssBytes()));
        return agent;
    }

    /** Each deploy a module of its own (fresh padding, fresh digest), so none is served from the compile cache. */
    private static DeployFigure deployLatency(AgentClient client, BenchOperator operator, byte[] sleeper, int deploys) throws Exception {
        int size = 1 << 20;
        Random random = new Random(42);
        List<Duration> pushes = new ArrayList<>();
        List<Long> uploaded = new ArrayList<>();
        List<Duration> latencies = new ArrayList<>();
        for (int i = 1; i <= deploys; i++) {
            String app = "big-" + i;
            BenchOperator.SignedImage image = operator.buildSigned("big", Integer.toString(i), PaddedModule.pad(sleeper, size, random),
                    "args: [\"3600000\"]\nresources: {memory: 1M}\nhealth: {running-for: 0s}\n");
            long t0 = System.nanoTime();
            uploaded.add(operator.push(client, image).uploadedBlobBytes());
            long t1 = System.nanoTime();
            expectActive(client.deploy(app, image.pinned()));
            pushes.add(Duration.ofNanos(t1 - t0));
            latencies.add(Duration.ofNanos(System.nanoTime() - t1));
            client.remove(app);
        }
        return new DeployFigure(size, pushes, uploaded, latencies);
    }

    /** Pushes the image to the agent; returns the reference to deploy or run. */
    private static String pushed(AgentClient client, BenchOperator operator, BenchOperator.SignedImage image) throws Exception {
        operator.push(client, image);
        return image.pinned();
    }

    /**
     * Runs the image to its end through {@code POST /v1/runs}: the agent creates, starts, waits for and
     * forgets each container. The first {@link #CHURN_WARM_UP} runs are not timed: a daemon's steady
     * state is what churn is about, not the JIT compiling its request path.
     */
    private static ChurnFigure churn(AgentClient client, String ref, int containers) throws Exception {
        AtomicInteger failures = new AtomicInteger();
        Task run = i -> {
            if (client.run(ref, null).exitCode() != 0) {
                failures.incrementAndGet();
            }
        };
        inParallel(RUN_CLIENTS, CHURN_WARM_UP, run);
        failures.set(0);
        Duration elapsed = inParallel(RUN_CLIENTS, containers, run);
        return new ChurnFigure(containers, elapsed, failures.get());
    }

    private static DensityFigure density(AgentProcess agent, AgentClient client, String ref, int sleepers) throws Exception {
        long before = agent.rssBytes();
        Duration deployTime = inParallel(DEPLOY_CLIENTS, sleepers, i -> expectActive(client.deploy("idle-" + i, ref)));
        Thread.sleep(SETTLE);
        long after = agent.rssBytes();
        Matcher running = RUNNING.matcher(client.metrics());
        if (!running.find()) {
            throw new IllegalStateException("the agent's /metrics has no running containers line");
        }
        return new DensityFigure(sleepers, deployTime, Integer.parseInt(running.group(1)), before, after, agent.stop());
    }

    private static void expectActive(ReleaseInfo release) {
        if (!release.state().equals("ACTIVE")) {
            throw new IllegalStateException(release.app() + " r" + release.id() + " " + release.state() + ": " + release.detail());
        }
    }

    @FunctionalInterface
    private interface Task {
        void run(int index) throws Exception;
    }

    /** Runs task 0..count-1 on {@code threads} threads; returns the wall time of all of it. The first failure ends the run. */
    private static Duration inParallel(int threads, int count, Task task) throws Exception {
        AtomicInteger next = new AtomicInteger();
        AtomicReference<Exception> failure = new AtomicReference<>();
        List<Thread> clients = new ArrayList<>();
        long t0 = System.nanoTime();
        for (int c = 0; c < threads; c++) {
            clients.add(Thread.ofVirtual().start(() -> {
                for (int i = next.getAndIncrement(); i < count && failure.get() == null; i = next.getAndIncrement()) {
                    try {
                        task.run(i);
                    } catch (Exception e) {
                        failure.compareAndSet(null, e);
                    }
                }
            }));
        }
        for (Thread t : clients) {
            t.join();
        }
        Duration elapsed = Duration.ofNanos(System.nanoTime() - t0);
        if (failure.get() != null) {
            throw failure.get();
        }
        return elapsed;
    }

    private static void say(String line) {
        System.err.println("bench: " + line);
    }
}
