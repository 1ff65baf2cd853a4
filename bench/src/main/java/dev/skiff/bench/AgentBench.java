package dev.skiff.bench;

import dev.skiff.agent.client.AgentClient;
import dev.skiff.protocols.api.ContainerInfo;
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
    /** How long the agent is left alone before its RSS is read, so start-up garbage and JIT threads have settled. */
    static final Duration SETTLE = Duration.ofSeconds(5);
    /** Concurrent API clients: the agent serialises deploys, so a few are enough to keep it busy. */
    private static final int CLIENTS = 4;
    private static final String MEMORY_BUDGET = "4G";
    private static final Pattern RUNNING = Pattern.compile("(?m)^skiff_containers\\{state=\"running\"} (\\d+)$");

    /** A fresh agent's time to ready and its RSS after {@link #SETTLE}. */
    record IdleFigure(Duration ready, long rssBytes) {}

    /** {@code containers} deploy → exit → remove cycles in {@code elapsed}; {@code failures} did not exit 0. */
    record ChurnFigure(int containers, Duration elapsed, int failures) {
        double perSecond() {
            return containers / (elapsed.toNanos() / 1e9);
        }
    }

    /** {@code sleepers} deployed in {@code deployTime}, {@code running} by the agent's metrics, and its RSS before and after. */
    record DensityFigure(int sleepers, Duration deployTime, int running, long rssBeforeBytes, long rssAfterBytes, Duration shutdown) {}

    /** Each deploy of a distinct signed 1 MiB module, deploy call → running. */
    record DeployFigure(int moduleBytes, List<Duration> latencies) {}

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
                Path data = dir.resolve("data");
                deployed = deployLatency(client, operator, data, sleeper, deploys);
                say("deploys: " + deployed.latencies());
                churned = churn(client, operator.buildSigned(data, "churn", "1", hello,
                        "resources: {memory: 1M}\nrestart: {policy: \"no\"}\nhealth: {running-for: 0s}\n"), churn);
                say("churn: " + churned);
                density = density(agent, client, operator.buildSigned(data, "idle", "1", sleeper,
                        "args: [\"3600000\"]\nresources: {memory: 1M}\nrestart: {policy: \"no\"}\nhealth: {running-for: 0s}\n"), sleepers);
                say("density: " + density);
            }
        }
        String report = new AgentReport(agentFlags, idle, churned, density, deployed).markdown();
        Files.createDirectories(out.toAbsolutePath().getParent());
        Files.writeString(out, report);
        System.out.print(report);
    }

    private static AgentProcess startSettled(Path jar, List<String> flags, Path dir, BenchOperator operator, List<IdleFigure> figures)
            throws IOException, InterruptedException {
        AgentProcess agent = AgentProcess.start(jar, flags, dir, MEMORY_BUDGET, operator.publicKey());
        Thread.sleep(SETTLE);
        figures.add(new IdleFigure(agent.readyTime(), agent.rssBytes()));
        return agent;
    }

    /** Each deploy a module of its own (fresh padding, fresh digest), so none is served from the compile cache. */
    private static DeployFigure deployLatency(AgentClient client, BenchOperator operator, Path data, byte[] sleeper, int deploys)
            throws Exception {
        int size = 1 << 20;
        Random random = new Random(42);
        List<Duration> latencies = new ArrayList<>();
        for (int i = 1; i <= deploys; i++) {
            String app = "big-" + i;
            String ref = operator.buildSigned(data, "big", Integer.toString(i), PaddedModule.pad(sleeper, size, random),
                    "args: [\"3600000\"]\nresources: {memory: 1M}\nhealth: {running-for: 0s}\n");
            long t0 = System.nanoTime();
            expectActive(client.deploy(app, ref));
            latencies.add(Duration.ofNanos(System.nanoTime() - t0));
            client.remove(app);
        }
        return new DeployFigure(size, latencies);
    }

    /** Deploy (the container starts), wait until ps shows it ended, remove (the agent forgets it). */
    private static ChurnFigure churn(AgentClient client, String ref, int containers) throws Exception {
        AtomicInteger failures = new AtomicInteger();
        Duration elapsed = inParallel(containers, i -> {
            String app = "churn-" + i;
            expectActive(client.deploy(app, ref));
            ContainerInfo end = awaitEnd(client, app);
            if (!end.detail().equals("exited with code 0")) {
                failures.incrementAndGet();
            }
            client.remove(app);
        });
        return new ChurnFigure(containers, elapsed, failures.get());
    }

    private static DensityFigure density(AgentProcess agent, AgentClient client, String ref, int sleepers) throws Exception {
        long before = agent.rssBytes();
        Duration deployTime = inParallel(sleepers, i -> expectActive(client.deploy("idle-" + i, ref)));
        Thread.sleep(SETTLE);
        long after = agent.rssBytes();
        Matcher running = RUNNING.matcher(client.metrics());
        if (!running.find()) {
            throw new IllegalStateException("the agent's /metrics has no running containers line");
        }
        return new DensityFigure(sleepers, deployTime, Integer.parseInt(running.group(1)), before, after, agent.stop());
    }

    private static ContainerInfo awaitEnd(AgentClient client, String app) throws IOException, InterruptedException {
        while (true) {
            for (ContainerInfo c : client.ps()) {
                if (c.app().equals(app) && !c.state().equals("running") && !c.state().equals("created")) {
                    return c;
                }
            }
            Thread.sleep(1);
        }
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

    /** Runs task 0..count-1 on {@link #CLIENTS} threads; returns the wall time of all of it. The first failure ends the run. */
    private static Duration inParallel(int count, Task task) throws Exception {
        AtomicInteger next = new AtomicInteger();
        AtomicReference<Exception> failure = new AtomicReference<>();
        List<Thread> clients = new ArrayList<>();
        long t0 = System.nanoTime();
        for (int c = 0; c < CLIENTS; c++) {
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
