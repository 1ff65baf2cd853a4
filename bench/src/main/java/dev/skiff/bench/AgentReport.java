package dev.skiff.bench;

import dev.skiff.bench.AgentBench.ChurnFigure;
import dev.skiff.bench.AgentBench.DensityFigure;
import dev.skiff.bench.AgentBench.DeployFigure;
import dev.skiff.bench.AgentBench.IdleFigure;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

/** {@code bench/results/agent.md}: the figures {@link AgentBench} measured beside the targets of DESIGN.md §9. */
record AgentReport(List<String> agentFlags, List<IdleFigure> idle, ChurnFigure churn, DensityFigure density, DeployFigure deploy) {

    String markdown() {
        Stats ready = stats(idle, f -> millis(f.ready()));
        Stats rss = stats(idle, f -> mb(f.rssBytes()));
        Stats deploys = Stats.of(deploy.latencies().stream().mapToDouble(AgentReport::millis).toArray());
        double densityMb = mb(density.rssAfterBytes());
        StringBuilder md = new StringBuilder();
        md.append("# The device agent\n\n")
                .append("Written by `bench/agent.sh` on ").append(LocalDateTime.now().format(DateTimeFormatter.ISO_LOCAL_DATE_TIME))
                .append(" — ").append(Environment.describe()).append(".\n\n")
                .append("`skiff-agent --config FILE` runs as its own process (`java ").append(String.join(" ", agentFlags))
                .append(" -jar device-agent/target/skiff-agent.jar`), trust policy `reject-unsigned` with the bench's key; ")
                .append("the bench drives it over loopback through the mTLS API as an enrolled operator. ")
                .append("MB are 10⁶ bytes; RSS is `VmRSS` of `/proc/PID/status`.\n\n")
                .append("| figure | measured | target (DESIGN.md §9) | met | published reference (not measured here) |\n")
                .append("|---|---:|---|---|---|\n")
                .append(row("agent ready after process start (median of " + idle.size() + ")", fmt("%.0f ms", ready.median()),
                        "≤ 1.5 s", ready.median() <= 1500, ""))
                .append(row("idle agent RSS (median of " + idle.size() + ")", fmt("%.1f MB", rss.median()), "≤ 64 MB", rss.median() <= 64,
                        "Greengrass nucleus needs ≥ 96 MB"))
                .append(row("churn: " + churn.containers() + " short-lived containers through the API", fmt("%.1f /s", churn.perSecond()),
                        "≥ 330 /s", churn.perSecond() >= 330, "runwasi+wasmtime: 1000 tasks in 3.03 s (329.85/s)"))
                .append(row("density: " + density.sleepers() + " idle sleepers, agent RSS", fmt("%.1f MB (%d running)", densityMb, density.running()),
                        "1000, RSS ≤ 400 MB", density.running() >= 1000 && densityMb <= 400, "Docker: ~113 MB daemon + ~15 MB per container"))
                .append(row("deploy of a signed " + deploy.moduleBytes() / (1 << 20) + " MiB module → running (median of " + deploy.latencies().size() + ")",
                        fmt("%.0f ms", deploys.median()), "≤ 1 s", deploys.median() <= 1000, ""))
                .append("\n## Raw numbers\n\n");
        for (int i = 0; i < idle.size(); i++) {
            md.append(fmt("- idle start %d: ready after %.0f ms, RSS %.1f MB after %d s%n", i + 1, millis(idle.get(i).ready()),
                    mb(idle.get(i).rssBytes()), AgentBench.SETTLE.toSeconds()));
        }
        md.append(fmt("- churn: %d containers in %.2f s (%.1f per second), %d did not exit 0%n", churn.containers(),
                        churn.elapsed().toNanos() / 1e9, churn.perSecond(), churn.failures()))
                .append(fmt("- density: %d sleepers deployed in %.2f s (%.1f per second); agent RSS %.1f MB before, %.1f MB after"
                                + " (%.0f kB per sleeper); `skiff_containers{state=\"running\"}` %d; SIGTERM → exit with all of them running: %.2f s%n",
                        density.sleepers(), density.deployTime().toNanos() / 1e9, density.sleepers() / (density.deployTime().toNanos() / 1e9),
                        mb(density.rssBeforeBytes()), densityMb,
                        (density.rssAfterBytes() - density.rssBeforeBytes()) / 1e3 / density.sleepers(), density.running(),
                        density.shutdown().toNanos() / 1e9))
                .append("- deploys of signed ").append(deploy.moduleBytes()).append("-byte modules, each in ms: ")
                .append(String.join(", ", deploy.latencies().stream().map(d -> fmt("%.0f", millis(d))).toList())).append('\n')
                .append("""

                        ## What was measured

                        - **Ready**: from spawning the JVM to the agent's `skiff-agent ready:` line, each time a fresh data
                          directory (first start: device key, one-time token, database migrations). RSS read after the pause above.
                        - **Churn** (through the API, 4 concurrent clients; the agent runs one deploy at a time): each
                          container is one cycle of `POST /v1/apps/APP/deploy` (signed `examples/hello` image, trust check,
                          start, health `running-for: 0s`), `GET /v1/apps` until it shows the container ended, and
                          `DELETE /v1/apps/APP` (the agent forgets it and frees its blobs' references). The API has no
                          run-once call, so each container also costs an app, a release and their records in SQLite;
                          runwasi's figure is a containerd task create/start/wait/delete.
                        - **Density**: `examples/sleeper` (`args: ["3600000"]`: prints once, then blocks in
                          `poll_oneoff`), each its own app with `resources.memory: 1M`, deployed through the API into one
                          agent (memory budget 4G); RSS read after the same pause once the last deploy answered; the count running is the agent's own
                          `/metrics`.
                        - **Deploy**: `examples/sleeper` padded to exactly 1 MiB with a custom section of random bytes
                          (a fresh one per deploy, so every deploy verifies and compiles a module the agent has not
                          seen), built and signed into the agent's store, then timed from the `POST /v1/apps/APP/deploy`
                          call to its answer, which comes once the container runs and its health check
                          (`running-for: 0s`) passed. The image reaches the store through the file system: the agent has
                          no registry endpoint yet, so blob transfer is not in this figure.
                        """);
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
}
