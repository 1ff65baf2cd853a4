package dev.skiff.it;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A real {@code skiff-agent} process ({@code device-agent/target/skiff-agent.jar}) on 127.0.0.1
 * with a free port and its data in a directory of the test; it is told apart from the test's
 * JVM only by the config it reads.
 */
final class AgentProcess implements AutoCloseable {
    private static final Pattern TOKEN = Pattern.compile("--token (\\S+)");

    private final Process process;
    private final Path output;
    private final int port;

    private AgentProcess(Process process, Path output, int port) {
        this.process = process;
        this.output = output;
        this.port = port;
    }

    /** Starts the agent over {@code data}, trusting every image, and waits until it serves its API. */
    static AgentProcess start(Path dir, Path data, String deviceName) throws IOException, InterruptedException {
        // these tests are about the API; TrustPolicyDeployTest covers signatures
        return start(dir, data, deviceName, "{mode: allow}");
    }

    /** Starts the agent over {@code data} with a {@code trust:} section (YAML flow style) and waits until it serves its API. */
    static AgentProcess start(Path dir, Path data, String deviceName, String trust) throws IOException, InterruptedException {
        int port = RegistryServer.freePort();
        Path config = Files.writeString(dir.resolve(deviceName + ".yaml"), """
                device-name: %s
                data-dir: %s
                memory-budget: 128M
                listen: {address: 127.0.0.1, port: %d}
                trust: %s
                """.formatted(deviceName, data, port, trust));
        Path output = dir.resolve(deviceName + ".out");
        String java = ProcessHandle.current().info().command().orElse("java");
        Process process = new ProcessBuilder(java, "--enable-native-access=ALL-UNNAMED", "-Xss4m", "-jar",
                Skiff.ROOT.resolve("device-agent/target/skiff-agent.jar").toString(), "--config", config.toString())
                .redirectErrorStream(true).redirectOutput(output.toFile()).start();
        AgentProcess agent = new AgentProcess(process, output, port);
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (!agent.output().contains("API on https://")) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                ExternalProcess.stop(process);
                throw new AssertionError("skiff-agent did not start:\n" + agent.output());
            }
            Thread.sleep(50);
        }
        return agent;
    }

    String address() {
        return "127.0.0.1:" + port;
    }

    int port() {
        return port;
    }

    String output() throws IOException {
        return Files.readString(output);
    }

    /** The one-time token the agent printed with its enroll command. */
    String token() throws IOException {
        Matcher m = TOKEN.matcher(output());
        if (!m.find()) {
            throw new AssertionError("the agent printed no enrollment token:\n" + output());
        }
        return m.group(1);
    }

    @Override
    public void close() throws InterruptedException {
        ExternalProcess.stop(process);
    }
}
