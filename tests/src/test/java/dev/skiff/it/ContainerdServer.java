package dev.skiff.it;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A private containerd 1.6 (root, state, socket and config in a directory of the test) without the
 * CRI plugin, so it starts in about a second and touches nothing of a system containerd.
 */
final class ContainerdServer implements AutoCloseable {
    /**
     * Pulls unpack with the native snapshotter: it only copies files, so it works wherever the test
     * runs, also inside containers that refuse overlay mounts; a pull needs nothing more.
     */
    static final String SNAPSHOTTER = "native";

    private final Process process;
    private final Path dir;
    private final Path socket;
    private final String ctr;

    private ContainerdServer(Process process, Path dir, Path socket, String ctr) {
        this.process = process;
        this.dir = dir;
        this.socket = socket;
        this.ctr = ctr;
    }

    static ContainerdServer start(Path dir) throws IOException, InterruptedException {
        return start(dir, Map.of());
    }

    /**
     * A containerd that finds the Skiff shim ({@code containerd-shim/containerd-shim-skiff-v1}) on its PATH, as
     * runtime {@code io.containerd.skiff.v1}, its shims caching compiled modules under {@code dir}.
     */
    static ContainerdServer startWithShim(Path dir) throws IOException, InterruptedException {
        Path launcher = Skiff.ROOT.resolve("containerd-shim/containerd-shim-skiff-v1");
        if (!Files.isRegularFile(Skiff.ROOT.resolve("containerd-shim/target/skiff-shim.jar"))) {
            throw new AssertionError("containerd-shim/target/skiff-shim.jar is missing: build it with mvn -pl containerd-shim -am package");
        }
        return start(dir, Map.of(
                "PATH", launcher.getParent() + File.pathSeparator + System.getenv().getOrDefault("PATH", "/usr/bin:/bin"),
                "SKIFF_SHIM_CACHE", dir.resolve("shim-cache").toString()));
    }

    /** Where containerd keeps task bundles ({@code io.containerd.runtime.v2.task/NAMESPACE/ID}). */
    Path stateDir() {
        return dir.resolve("state");
    }

    /** The address the shims get as -address: containerd's socket. */
    Path socket() {
        return socket;
    }

    private static ContainerdServer start(Path dir, Map<String, String> env) throws IOException, InterruptedException {
        String containerd = HostTools.require("containerd", "containerd");
        String ctr = HostTools.require("ctr", "containerd");
        Files.createDirectories(dir);
        Path socket = dir.resolve("containerd.sock");
        Path config = Files.writeString(dir.resolve("config.toml"), """
                version = 2
                root = "%1$s/root"
                state = "%1$s/state"
                disabled_plugins = ["io.containerd.grpc.v1.cri"]
                [grpc]
                  address = "%2$s"
                [ttrpc]
                  address = "%2$s.ttrpc"
                [plugins."io.containerd.internal.v1.opt"]
                  path = "%1$s/opt"
                """.formatted(dir, socket));
        ProcessBuilder builder = new ProcessBuilder(containerd, "--config", config.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("containerd.log").toFile());
        builder.environment().putAll(env);
        Process process = builder.start();
        ContainerdServer server = new ContainerdServer(process, dir, socket, ctr);
        server.awaitSocket();
        return server;
    }

    /** Runs {@code ctr --address SOCKET ARGS...}. */
    ExternalProcess.Result ctr(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(ctr, "--address", socket.toString()));
        command.addAll(List.of(args));
        return ExternalProcess.run(dir, command);
    }

    /** Starts {@code ctr --address SOCKET ARGS...} without waiting, its output going to {@code output}. */
    Process startCtr(Path output, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(ctr, "--address", socket.toString()));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).redirectOutput(output.toFile()).start();
    }

    private void awaitSocket() throws IOException, InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new AssertionError("containerd exited with " + process.exitValue() + ":\n" + log());
            }
            if (Files.exists(socket) && ctr("version").exitCode() == 0) {
                return;
            }
            Thread.sleep(100);
        }
        close();
        throw new AssertionError("containerd did not answer on " + socket + " within 20 s:\n" + log());
    }

    String log() throws IOException {
        return Files.readString(dir.resolve("containerd.log"));
    }

    @Override
    public void close() throws InterruptedException {
        ExternalProcess.stop(process);
    }
}
