package dev.skiff.bench;

import dev.skiff.runtime.Container;
import dev.skiff.runtime.ContainerSpec;
import dev.skiff.runtime.ContainerState;
import dev.skiff.runtime.PreparedModule;
import dev.skiff.runtime.Sandbox;
import dev.skiff.runtime.engine.ExecutionMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * {@code bench/startup.sh}: inside one JVM, the latency from a start request to the guest's
 * {@code _start} being entered, for a module already compiled (the agent's cached case).
 *
 * <p>Usage: {@code StartupBench --starts N --warmup W --out startup.md FILE.wasm}
 */
public final class StartupBench {

    public static void main(String[] args) throws Exception {
        int starts = 1000;
        int warmup = 200;
        Path out = null;
        Path file = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--starts" -> starts = Integer.parseInt(args[++i]);
                case "--warmup" -> warmup = Integer.parseInt(args[++i]);
                case "--out" -> out = Path.of(args[++i]);
                default -> file = Path.of(args[i]);
            }
        }
        double[] toStart = new double[starts];
        double[] toEnd = new double[starts];
        try (Sandbox sandbox = Sandbox.inMemory()) {
            PreparedModule module = sandbox.prepare(Files.readAllBytes(file), ExecutionMode.COMPILED);
            String name = file.getFileName().toString();
            for (int i = 0; i < warmup + starts; i++) {
                Container c = sandbox.create(module, ContainerSpec.of(name, List.of(name)));
                long t0 = System.nanoTime();
                ContainerState end = c.run();
                long t1 = System.nanoTime();
                if (!(end instanceof ContainerState.Exited)) {
                    throw new IllegalStateException(name + " " + end.describe());
                }
                if (i >= warmup) {
                    toStart[i - warmup] = c.startLatency().toNanos() / 1e6;
                    toEnd[i - warmup] = (t1 - t0) / 1e6;
                }
            }
        }
        Stats s = Stats.of(toStart);
        Stats e = Stats.of(toEnd);
        String report = "# Cold start of a cached module\n\n"
                + "Written by `bench/startup.sh` on " + LocalDateTime.now().format(DateTimeFormatter.ISO_LOCAL_DATE_TIME)
                + " — " + Environment.describe() + ".\n\n"
                + "`" + file + "` compiled once; then " + warmup + " warm-up and " + starts
                + " measured starts in one JVM, each a new container (new thread, instance, WASI)."
                + " *Start → `_start`* runs from `Container.start()` to the moment `_start` is invoked;"
                + " *start → exit* adds the guest's run and the reaping of its thread.\n\n"
                + "| measure | p50 (ms) | p99 (ms) | max (ms) |\n|---|---:|---:|---:|\n"
                + String.format(Locale.ROOT, "| start → `_start` | %.3f | %.3f | %.3f |%n", s.median(), s.percentile(99), s.max())
                + String.format(Locale.ROOT, "| start → exit | %.3f | %.3f | %.3f |%n", e.median(), e.percentile(99), e.max())
                + "\nTarget (DESIGN.md §9): start → `_start` p50 ≤ 5 ms, p99 ≤ 20 ms.\n";
        Files.createDirectories(out.getParent());
        Files.writeString(out, report);
        System.out.print(report);
    }
}
