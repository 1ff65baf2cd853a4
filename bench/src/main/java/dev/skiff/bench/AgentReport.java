package dev.skiff.bench;

import dev.skiff.bench.AgentBench.ChurnFigure;
import dev.skiff.bench.AgentBench.DensityFigure;
import dev.skiff.bench.AgentBench.DeployFigure;
import dev.skiff.bench.AgentBench.IdleFigure;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;
import java.util.stream.IntStream;

/** {@code bench/results/agent.md}: the figures {@link AgentBench} measured beside the targets of DESIGN.md §9. */
record AgentReport(List<String> agentFlags, String loadBefore, String loadAfter, List<IdleFigure> idle, ChurnFigure churn, DensityFigure density, DeployFigure deploy) {

    String markdown() {
        Stats ready = stats(idle, f -> millis(f.ready()));
        Stats rss = stats(idle, f -> mb(f.idleRssBytes()));
        double[] delivered = new double[deploy.latencies().size()];
        for (int i = 0; i < delivered.length; i++) {
            delivered[i] = millis(deploy.pushes().get(i)) + millis(deploy.latencies().get(i));
        }
        Stats deploys = Stats.of(delivered);
        double densityMb = mb(density.rssAfterBytes());
        StringBuilder md = new StringBuilder();
        md.append("# The device agent\n\n")
                .append("Written by `bench/agent.sh` on ").append(LocalDateTime.now().format(DateTimeFormatter.ISO_LOCAL_DATE_TIME))
                .append(" — ").append(Environment.describe()).append(".\n\n")
                .append("`skiff-agent --config FILE` runs as its own process (`java ").append(String.join(" ", agentFlags))
                .append(" -jar device-agent/target/skiff-agent.jar`; JVM options: `").append(String.join(" ", expanded(agentFlags)))
                .append("`), trust policy `reject-unsigned` with the bench's key; ")
                .append("the bench drives it over loopback through the mTLS API as an enrolled operator. ")
                .append("MB are 10⁶ bytes; RSS is `VmRSS` of `/proc/PID/status`. ")
                .append("Load average (1, 5, 15 min) when the bench started: ").append(loadBefore).append("; when it ended: ").append(loadAfter)
                .append(" — the machine is shared, so the time figures (ready, churn, deploy) are only as good as that; the RSS figures hold.\n\n")
                .append("| figure | measured | target (DESIGN.md §9) | met | published reference (not measured here) |\n")
                .append("|---|---:|---|---|---|\n")
                .append(row("agent ready after process start (median of " + idle.size() + ")", fmt("%.0f ms", ready.median()),
                        "≤ 1.5 s", ready.median() <= 1500, ""))
                .append(row("idle agent RSS, " + AgentBench.IDLE.toSeconds() + " s after ready (median of " + idle.size() + ")",
                        fmt("%.1f MB", rss.median()), "≤ 64 MB", rss.median() <= 64,
                        "Greengrass nucleus needs ≥ 96 MB"))
                .append(row("churn: " + churn.containers() + " short-lived containers through the API", fmt("%.1f /s", churn.perSecond()),
                        "≥ 330 /s", churn.perSecond() >= 330, "runwasi+wasmtime: 1000 tasks in 3.03 s (329.85/s)"))
                .append(row("density: " + density.sleepers() + " idle sleepers, agent RSS", fmt("%.1f MB (%d running)", densityMb, density.running()),
                        "1000, RSS ≤ 400 MB", density.running() >= 1000 && densityMb <= 400, "Docker: ~113 MB daemon + ~15 MB per container"))
                .append(row("signed " + deploy.moduleBytes() / (1 << 20) + " MiB module: push to the agent + deploy → running (median of "
                                + deploy.latencies().size() + ")",
                        fmt("%.0f ms", deploys.median()), "≤ 1 s", deploys.median() <= 1000, ""))
                .append("\n## Raw numbers\n\n");
        for (int i = 0; i < idle.size(); i++) {
            md.append(fmt("- idle start %d: ready after %.0f ms, RSS %.1f MB %d s after ready, %.1f MB %d s after ready%n", i + 1,
                    millis(idle.get(i).ready()), mb(idle.get(i).settledRssBytes()), AgentBench.SETTLE.toSeconds(),
                    mb(idle.get(i).idleRssBytes()), AgentBench.IDLE.toSeconds()));
        }
        md.append(fmt("- churn: %d containers in %.2f s (%.1f per second), %d did not exit 0%n", churn.containers(),
                        churn.elapsed().toNanos() / 1e9, churn.perSecond(), churn.failures()))
                .append(fmt("- density: %d sleepers deployed in %.2f s (%.1f per second); agent RSS %.1f MB before, %.1f MB after"
                                + " (%.0f kB per sleeper); `skiff_containers{state=\"running\"}` %d; SIGTERM → exit with all of them running: %.2f s%n",
                        density.sleepers(), density.deployTime().toNanos() / 1e9, density.sleepers() / (density.deployTime().toNanos() / 1e9),
                        mb(density.rssBeforeBytes()), densityMb,
                        (density.rssAfterBytes() - density.rssBeforeBytes()) / 1e3 / density.sleepers(), density.running(),
                        density.shutdown().toNanos() / 1e9))
                .append("- signed ").append(deploy.moduleBytes()).append("-byte modules, each push (bytes uploaded) + deploy in ms: ")
                .append(String.join(", ", IntStream.range(0, deploy.latencies().size())
                        .mapToObj(i -> fmt("%.0f (%d B) + %.0f", millis(deploy.pushes().get(i)), deploy.uploadedBytes().get(i),
                                millis(deploy.latencies().get(i)))).toList())).append('\n')
                .append("""

                        ## What was measured

                        - **Ready**: from spawning the JVM to the agent's `skiff-agent ready:` line, each time a fresh data
                          directory (first start: device key, one-time token, database migrations).
                        - **Idle RSS**: read %d s after ready and again %d s after ready, the agent left alone all the
                          while; the table shows the later reading, by when the JIT's start-up compilations are done
                          and their memory trimmed (the earlier one is about 6 MB higher).
                        - **Churn** (through the API, %d concurrent clients, each on its own kept-alive mTLS
                          connection): each container is one `POST /v1/runs` of a signed `examples/hello` image
                          (pushed to the agent once): the agent checks it against the trust policy (once per digest),
                          reserves its memory, instantiates the cached module, runs it to its exit and forgets it, and
                          answers its exit code and output. No app, release or record is made, like runwasi's
                          containerd task create/start/wait/delete. Timed after %d untimed runs (the JIT's warm-up).
                        """.formatted(AgentBench.SETTLE.toSeconds(), AgentBench.IDLE.toSeconds(), AgentBench.RUN_CLIENTS, AgentBench.CHURN_WARM_UP) + """
                        - **Density**: `examples/sleeper` (`args: ["3600000"]`: prints once, then blocks in
                          `poll_oneoff`), each its own app with `resources.memory: 1M`, deployed through the API into one
                          freshly started agent of its own (memory budget %s; the deploys and churn ran in another), RSS read
                          after the same pause once the last deploy answered ("before" is that agent enrolled, with the image
                          pushed); the count running is the agent's own `/metrics`.
                        - **Deploy**: `examples/sleeper` padded to exactly 1 MiB with a custom section of random bytes
                          (a fresh one per deploy, so every deploy verifies and compiles a module the agent has not
                          seen), built and signed in the operator's store, pushed with its signature to the agent's
                          registry endpoint (`/v2/`, as `skiff push REF --to DEVICE`; timed: the push), then deployed
                          from the `POST /v1/apps/APP/deploy` call to its answer, which comes once the container runs
                          and its health check (`running-for: 0s`) passed (timed: the deploy). The table shows their sum.
                        """.formatted(AgentBench.MEMORY_BUDGET));
        return md.toString();
    }

    private static String row(String figure, String measured, String target, boolean met, String reference) {
        return "| " + figure + " | " + measured + " | " + target + " | " + (met ? "yes" : "**no**") + " | " + reference + " |\n";
    }

    private static <T> Stats stats(List<T> figures, ToDoubleFunction<T> value) {
        return Stats.of(figures.stream().mapToDouble(value).toArray());
    }

    private static double millis(Duration d) {
        return d.toNanos() / 1e6;
    }

    private static double mb(long bytes) {
        return bytes / 1e6;
    }

    private static String fmt(String format, Object... args) {
        return String.format(Locale.ROOT, format, args);
    }

    /** The options as the JVM gets them: {@code @FILE} replaced by the file's options (comment lines left out). */
    static List<String> expanded(List<String> flags) {
        List<String> options = new ArrayList<>();
        for (String flag : flags) {
            if (!flag.startsWith("@")) {
                options.add(flag);
                continue;
            }
            try {
                Files.readAllLines(Path.of(flag.substring(1))).stream().map(String::strip)
                        .filter(line -> !line.isEmpty() && !line.startsWith("#")).forEach(options::add);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the JVM options file " + flag.substring(1), e);
            }
        }
        return options;
    }
}
