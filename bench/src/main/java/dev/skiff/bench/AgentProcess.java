package dev.skiff.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code skiff-agent --config FILE} as its own process, the way a device runs it: started from
 * its jar with the launcher's options, timed to its "ready" line, measured through {@code /proc}.
 */
final class AgentProcess implements AutoCloseable {
    private static final Pattern TOKEN = Pattern.compile("--token (\\S+)");
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(60);

    private final Process process;
    private final int port;
    private final Duration ready;
    private final String token;

    private AgentProcess(Process process, int port, Duration ready, String token) {
        this.process = process;
        this.port = port;
        this.ready = ready;
        this.token = token;
    }

    /**
     * Writes a config under {@code dir} (data in {@code dir/data}, API on a free loopback port,
     * trust: reject-unsigned with {@code publicKey}) and starts the agent from {@code jar}.
     * The clock starts just before the process is spawned and stops at the line
     * {@code skiff-agent ready: ...}.
     */
    static AgentProcess start(Path jar, List<String> jvmFlags, Path dir, String memoryBudget, Path publicKey) throws IOException {
        int port = freePort();
        Path config = dir.resolve("agent.yaml");
        Files.createDirectories(dir);
        Files.writeString(config, "device-name: bench\ndata-dir: data\nmemory-budget: " + memoryBudget + "\n"
                + "listen: {address: 127.0.0.1, port: " + port + "}\n"
                + "trust: {mode: reject-unsigned, keys: [" + publicKey.toAbsolutePath() + "]}\n");
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmFlags);
        command.addAll(List.of("-jar", jar.toString(), "--config", config.toString()));
        long t0 = System.nanoTime();
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        process.getOutputStream().close(); // a daemon reads no stdin
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        CompletableFuture<Duration> readyAt = new CompletableFuture<>();
        CompletableFuture<String> token = new CompletableFuture<>();
        Path log = dir.resolve("agent.log");
        // reads the agent's output for as long as it runs, so a full pipe never blocks it; kept in agent.log
        Thread.ofVirtual().start(() -> {
            try (var copy = Files.newBufferedWriter(log)) {
                for (String line = out.readLine(); line != null; line = out.readLine()) {
                    copy.write(line + "\n");
                    copy.flush();
                    if (line.startsWith("skiff-agent ready:")) {
                        readyAt.complete(Duration.ofNanos(System.nanoTime() - t0));
                    }
                    Matcher m = TOKEN.matcher(line);
                    if (m.find()) {
                        token.complete(m.group(1));
                    }
                }
            } catch (IOException e) {
                // the process ended
            }
            readyAt.completeExceptionally(new IOException("skiff-agent ended before it was ready"));
        });
        try {
            Duration ready = readyAt.get(READY_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            return new AgentProcess(process, port, ready, token.get(5, TimeUnit.SECONDS));
        } catch (Exception e) {
            process.destroyForcibly();
            throw new IOException("skiff-agent did not get ready: " + e.getMessage(), e);
        }
    }

    String address() {
        return "127.0.0.1:" + port;
    }

    /** From spawning the process to its ready line. */
    Duration readyTime() {
        return ready;
    }

    /** The one-time enrollment token it printed. */
    String token() {
        return token;
    }

    /** Resident set size now, from {@code /proc/PID/status} (VmRSS). */
    long rssBytes() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("\\D", "")) * 1024;
            }
        }
        throw new IOException("no VmRSS in /proc/" + process.pid() + "/status");
    }

    /** SIGTERM, as systemd stops it; returns how long the agent took to stop its containers and exit. */
    Duration stop() throws InterruptedException {
        long t0 = System.nanoTime();
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
        return Duration.ofNanos(System.nanoTime() - t0);
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            stop();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
