package dev.skiff.bench;

import dev.skiff.shim.ttrpc.TtrpcClient;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * {@code bench/shim.sh}: how long the containerd shim takes to start, alone ({@code start} until
 * its daemon's socket answers) and end to end under a private containerd ({@code ctr run} of a
 * Skiff image), beside {@code ctr run} of a static native binary with runc on the same containerd.
 *
 * <p>Usage: {@code ShimBench --launcher SHIM --image IMAGE.tar --native-rootfs DIR --runs N --out shim.md}
 */
public final class ShimBench {
    private static final String IMAGE = "docker.io/library/hello:1";

    public static void main(String[] args) throws Exception {
        Path launcher = null, image = null, nativeRootfs = null, out = null;
        int runs = 20;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--launcher" -> launcher = Path.of(args[++i]).toAbsolutePath();
                case "--image" -> image = Path.of(args[++i]).toAbsolutePath();
                case "--native-rootfs" -> nativeRootfs = Path.of(args[++i]).toAbsolutePath();
                case "--runs" -> runs = Integer.parseInt(args[++i]);
                case "--out" -> out = Path.of(args[++i]);
                default -> throw new IllegalArgumentException("unknown argument " + args[i]);
            }
        }
        String load = Files.readString(Path.of("/proc/loadavg")).strip();
        Path work = Files.createTempDirectory("skiff-shim-bench");
        Path cache = work.resolve("shim-cache");
        double[] skiff = new double[runs];
        double[] runc = new double[runs];
        double firstSkiff;
        try (BenchContainerd containerd = BenchContainerd.start(work.resolve("containerd"), launcher.getParent(), cache)) {
            containerd.ctr("images", "import", "--platform", "wasi/wasm", "--snapshotter", "native", image.toString());
            firstSkiff = containerd.timedCtr("run", "--rm", "--platform", "wasi/wasm", "--snapshotter", "native",
                    "--runtime", "io.containerd.skiff.v1", IMAGE, "first");
            for (int i = 0; i < runs; i++) {
                skiff[i] = containerd.timedCtr("run", "--rm", "--platform", "wasi/wasm", "--snapshotter", "native",
                        "--runtime", "io.containerd.skiff.v1", IMAGE, "skiff-" + i);
                runc[i] = containerd.timedCtr("run", "--rm", "--rootfs", nativeRootfs.toString(), "runc-" + i, "/hello");
            }
        }
        double[] jvm = new double[runs];
        double[] start = new double[runs];
        for (int i = 0; i < runs; i++) {
            jvm[i] = timed(work, List.of(launcher.toString(), "-v"), cache);
            start[i] = startThenShutdown(launcher, work.resolve("start-" + i), i, cache);
        }
        String report = "# containerd shim start\n\n"
                + "Written by `bench/shim.sh` on " + LocalDateTime.now().format(DateTimeFormatter.ISO_LOCAL_DATE_TIME)
                + " — " + Environment.describe() + "; load average before the runs: " + load
                + " (the machine is shared: JVM starts stretch with its load).\n\n"
                + runs + " runs of each, one after another, on a private containerd 1.6 (native snapshotter). "
                + "The first Skiff run also dumps the class-data archives (AppCDS) that the launcher maps from then on. "
                + "*JVM alone*: `containerd-shim-skiff-v1 -v` (launcher + a JVM that prints its version). "
                + "*start → socket ready*: the shim's `start` action as containerd runs it, until the daemon it launches "
                + "answers on its socket (a new daemon each run; shut down by a ttrpc Shutdown after). "
                + "*ctr run*: `ctr run --rm` end to end (shim start, create, start, exit, delete, shim exit) of "
                + "`examples/hello` built by `skiff build`, with the compile cache warm (the first run, which compiles "
                + "the module, was " + String.format(Locale.ROOT, "%.0f", firstSkiff) + " ms); beside it the same with runc "
                + "(`io.containerd.runc.v2`) and a static native hello world as the rootfs.\n\n"
                + "| measure | p50 (ms) | p90 (ms) | max (ms) |\n|---|---:|---:|---:|\n"
                + row("JVM alone (`-v`)", jvm)
                + row("Skiff shim: start → socket ready", start)
                + row("`ctr run` hello.wasm, Skiff shim", skiff)
                + row("`ctr run` native hello, runc", runc)
                + "\nEvery `ctr run` with the Skiff shim starts two JVMs (the `start` action and the pod's daemon) and a third "
                + "for containerd's `delete` clean-up after the shim exits; the daemon then loads the compiled module "
                + "from the disk cache. A pod's later containers reuse its daemon and skip the first two.\n";
        Files.writeString(out, report);
        System.out.print(report);
    }

    private static String row(String name, double[] values) {
        Stats s = Stats.of(values);
        return String.format(Locale.ROOT, "| %s | %.0f | %.0f | %.0f |%n", name, s.median(), s.percentile(90), s.max());
    }

    /** Runs {@code start} in a fresh bundle as containerd would, then shuts the daemon down; the start's time in ms. */
    private static double startThenShutdown(Path launcher, Path bundle, int i, Path cache) throws Exception {
        Files.createDirectories(bundle.resolve("rootfs"));
        Files.writeString(bundle.resolve("config.json"), "{\"process\":{\"args\":[\"/app.wasm\"]},\"root\":{\"path\":\"rootfs\"}}");
        List<String> command = List.of(launcher.toString(), "-namespace", "bench", "-address", bundle.resolve("no-containerd.sock").toString(),
                "-publish-binary", "/usr/bin/containerd", "-id", "start-" + i, "start");
        double ms = timed(bundle, command, cache);
        Path socket = Path.of(Files.readString(bundle.resolve("address")).replaceFirst("^unix://", ""));
        try (TtrpcClient client = TtrpcClient.connect(socket)) {
            client.call("containerd.task.v2.Task", "Shutdown", new byte[0], Map.of());
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (Files.exists(socket)) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the shim daemon on " + socket + " did not exit after Shutdown");
            }
            Thread.sleep(10);
        }
        return ms;
    }

    /**
     * Runs a command to its end (it must succeed) as containerd would run a shim: without the bench's
     * JAVA_HOME, with the shim's cache in {@code cache}; its time in ms.
     */
    static double timed(Path dir, List<String> command, Path cache) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
        builder.environment().remove("JAVA_HOME");
        builder.environment().put("SKIFF_SHIM_CACHE", cache.toString());
        long t0 = System.nanoTime();
        Process p = builder.start();
        String output = new String(p.getInputStream().readAllBytes());
        if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed: " + output);
        }
        return (System.nanoTime() - t0) / 1e6;
    }

    /** A containerd of the bench's own (root, state, sockets in one directory), with the shim on its PATH. */
    private record BenchContainerd(Process process, Path dir, Path cache) implements AutoCloseable {
        static BenchContainerd start(Path dir, Path shimDir, Path cache) throws IOException, InterruptedException {
            Files.createDirectories(dir);
            Path config = Files.writeString(dir.resolve("config.toml"), String.join("\n",
                    "version = 2",
                    "root = \"" + dir.resolve("root") + "\"",
                    "state = \"" + dir.resolve("state") + "\"",
                    "disabled_plugins = [\"io.containerd.grpc.v1.cri\"]",
                    "[grpc]", "  address = \"" + dir.resolve("c.sock") + "\"",
                    "[ttrpc]", "  address = \"" + dir.resolve("c.sock.ttrpc") + "\"",
                    "[plugins.\"io.containerd.internal.v1.opt\"]", "  path = \"" + dir.resolve("opt") + "\"", ""));
            ProcessBuilder builder = new ProcessBuilder("containerd", "--config", config.toString())
                    .redirectErrorStream(true).redirectOutput(dir.resolve("containerd.log").toFile());
            builder.environment().put("PATH", shimDir + ":" + System.getenv("PATH"));
            builder.environment().put("SKIFF_SHIM_CACHE", cache.toString());
            builder.environment().remove("JAVA_HOME");
            BenchContainerd containerd = new BenchContainerd(builder.start(), dir, cache);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (!Files.exists(dir.resolve("c.sock"))) {
                if (!containerd.process.isAlive() || System.nanoTime() > deadline) {
                    throw new IllegalStateException("containerd did not start: " + Files.readString(dir.resolve("containerd.log")));
                }
                Thread.sleep(20);
            }
            return containerd;
        }

        void ctr(String... args) throws IOException, InterruptedException {
            timedCtr(args);
        }

        double timedCtr(String... args) throws IOException, InterruptedException {
            List<String> command = new ArrayList<>(List.of("ctr", "--address", dir.resolve("c.sock").toString()));
            command.addAll(List.of(args));
            return timed(dir, command, cache);
        }

        @Override
        public void close() throws InterruptedException {
            process.destroy();
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }
}
