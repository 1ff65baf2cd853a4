package dev.skiff.bench;

import dev.skiff.runtime.Container;
import dev.skiff.runtime.ContainerSpec;
import dev.skiff.runtime.ContainerState;
import dev.skiff.runtime.Limits;
import dev.skiff.runtime.PreparedModule;
import dev.skiff.runtime.Sandbox;
import dev.skiff.runtime.engine.ExecutionMode;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Skiff's side of {@code bench/cpu.sh}: runs each CPU fixture in one JVM (compiled once, warmed
 * up, then measured round by round, each round a fresh container as node's side uses a fresh
 * instance), reads node's figures for the same files, and writes the comparison table.
 *
 * <p>Usage: {@code CpuBench --rounds N --warmup W --node FILE.jsonl --out cpu.md WASM...}
 */
public final class CpuBench {
    private static final Pattern NODE_MEDIAN = Pattern.compile("\"file\":\"([^\"]+)\".*\"median_ms\":([0-9.]+)");

    public static void main(String[] args) throws Exception {
        int rounds = 5;
        int warmup = 3;
        Path nodeResults = null;
        Path out = null;
        List<String> files = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--rounds" -> rounds = Integer.parseInt(args[++i]);
                case "--warmup" -> warmup = Integer.parseInt(args[++i]);
                case "--node" -> nodeResults = Path.of(args[++i]);
                case "--out" -> out = Path.of(args[++i]);
                default -> files.add(args[i]);
            }
        }
        Map<String, Double> node = readNode(nodeResults);

        StringBuilder table = new StringBuilder();
        table.append("| benchmark | Skiff median (ms) | Skiff min (ms) | node median (ms) | Skiff / node |\n");
        table.append("|---|---:|---:|---:|---:|\n");
        List<Double> ratios = new ArrayList<>();
        try (Sandbox sandbox = Sandbox.inMemory()) {
            for (String file : files) {
                Stats skiff = measure(sandbox, Path.of(file), warmup, rounds);
                Double nodeMedian = node.get(file);
                if (nodeMedian == null) {
                    throw new IllegalStateException("no node figure for " + file);
                }
                double ratio = skiff.median() / nodeMedian;
                ratios.add(ratio);
                String name = Path.of(file).getFileName().toString().replace(".wasm", "");
                table.append(String.format(Locale.ROOT, "| %s | %.1f | %.1f | %.1f | %.2f× |%n",
                        name, skiff.median(), skiff.min(), nodeMedian, ratio));
                System.err.printf(Locale.ROOT, "cpu: %-10s skiff %.1f ms, node %.1f ms, ratio %.2f%n",
                        name, skiff.median(), nodeMedian, ratio);
            }
        }
        double geo = Stats.geometricMean(ratios.stream().mapToDouble(Double::doubleValue).toArray());
        String report = "# CPU-bound wasm: Skiff vs node (V8)\n\n"
                + "Written by `bench/cpu.sh` on " + LocalDateTime.now().format(DateTimeFormatter.ISO_LOCAL_DATE_TIME)
                + " — " + Environment.describe() + ".\n\n"
                + "Same `.wasm` files on both sides. Each round is a fresh instance running `_start`"
                + " (instantiate + run); Skiff compiles each module once and warms up " + warmup
                + " rounds in one JVM, node compiles once and warms up likewise; " + rounds
                + " measured rounds each, medians compared.\n\n"
                + table
                + String.format(Locale.ROOT, "%n**Geometric mean Skiff / node: %.2f×** (target ≤ 1.5×, DESIGN.md §9)%n", geo);
        Files.createDirectories(out.getParent());
        Files.writeString(out, report);
        System.out.print(report);
    }

    static Stats measure(Sandbox sandbox, Path file, int warmup, int rounds) throws Exception {
        PreparedModule module = sandbox.prepare(Files.readAllBytes(file), ExecutionMode.COMPILED);
        String name = file.getFileName().toString();
        double[] times = new double[rounds];
        String firstOutput = null;
        for (int i = 0; i < warmup + rounds; i++) {
            ByteArrayOutputStream stdout = new ByteArrayOutputStream();
            Container c = sandbox.create(module, new ContainerSpec(name, List.of(name), Map.of(), List.of(),
                    InputStream.nullInputStream(), stdout, OutputStream.nullOutputStream(),
                    Limits.DEFAULT.withMemoryBytes(1L << 30), List.of()));
            long t0 = System.nanoTime();
            ContainerState end = c.run();
            long t1 = System.nanoTime();
            if (!(end instanceof ContainerState.Exited e) || e.code() != 0) {
                throw new IllegalStateException(name + " " + end.describe());
            }
            String output = stdout.toString(StandardCharsets.UTF_8);
            if (firstOutput == null) {
                firstOutput = output;
                System.err.print(output);
            } else if (!firstOutput.equals(output)) {
                throw new IllegalStateException(name + " is not deterministic");
            }
            if (i >= warmup) {
                times[i - warmup] = (t1 - t0) / 1e6;
            }
        }
        return Stats.of(times);
    }

    private static Map<String, Double> readNode(Path file) throws Exception {
        Map<String, Double> medians = new java.util.HashMap<>();
        for (String line : Files.readAllLines(file)) {
            Matcher m = NODE_MEDIAN.matcher(line);
            if (m.find()) {
                medians.put(m.group(1), Double.parseDouble(m.group(2)));
            }
        }
        return medians;
    }
}
