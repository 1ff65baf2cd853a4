package dev.skiff.it;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
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
        return start(dir, data, deviceName, ALLOW_ALL, Map.of());
    }

    /** Starts the agent with more environment variables (such as a fault point to halt at). */
    static AgentProcess start(Path dir, Path data, String deviceName, Map<String, String> env) throws IOException, InterruptedException {
        return start(dir, data, deviceName, ALLOW_ALL, env);
    }

    /** Starts the agent with a {@code trust:} section (YAML flow style). */
    static AgentProcess start(Path dir, Path data, String deviceName, String trust) throws IOException, InterruptedException {
        return start(dir, data, deviceName, trust, Map.of());
    }

    /** Starts the agent with serial provisioning listening on {@code console} (a pty). */
    static AgentProcess startWithConsole(Path dir, Path data, String deviceName, String console) throws IOException, InterruptedException {
        return start(dir, data, deviceName, ALLOW_ALL, Map.of(), "console: " + console + "\n");
    }

    /** Starts the agent with the simulated board as its GPIO backend ({@code gpio: {backend: sim}}). */
    static AgentProcess startWithSimulatedBoard(Path dir, Path data, String deviceName) throws IOException, InterruptedException {
        return start(dir, data, deviceName, ALLOW_ALL, Map.of(), "gpio: {backend: sim}\n");
    }

    /** Starts the agent with further lines of config, such as an {@code mqtt:} section. */
    static AgentProcess startWithConfig(Path dir, Path data, String deviceName, String moreConfig) throws IOException, InterruptedException {
        return start(dir, data, deviceName, ALLOW_ALL, Map.of(), moreConfig);
    }

    /** Tests about the API trust every image; TrustPolicyDeployTest and DeviceDeliveryTest cover signatures. */
    private static final String ALLOW_ALL = "{mode: allow}";

    /** Starts the agent as {@code skiff agent --config FILE}, the CLI's way to run it. */
    static AgentProcess startThroughCli(Path dir, Path data, String deviceName, String trust) throws IOException, InterruptedException {
        return start(dir, data, deviceName, trust, Map.of(), "", List.of(Skiff.ROOT.resolve("skiff").toString(), "agent"));
    }

    private static AgentProcess start(Path dir, Path data, String deviceName, String trust, Map<String, String> env)
            throws IOException, InterruptedException {
        return start(dir, data, deviceName, trust, env, "");
    }

    /** @param moreConfig further lines of the agent's config */
    private static AgentProcess start(Path dir, Path data, String deviceName, String trust, Map<String, String> env,
            String moreConfig) throws IOException, InterruptedException {
        String java = ProcessHandle.current().info().command().orElse("java");
        // the JVM options the .deb's launcher passes (installers/deb/share/skiff-agent/jvm.args)
        return start(dir, data, deviceName, trust, env, moreConfig, List.of(java, "@" + Skiff.ROOT.resolve("installers/deb/share/skiff-agent/jvm.args"),
                "-jar", Skiff.ROOT.resolve("device-agent/target/skiff-agent.jar").toString()));
    }

    private static AgentProcess start(Path dir, Path data, String deviceName, String trust, Map<String, String> env, String moreConfig,
            List<String> launcher) throws IOException, InterruptedException {
        int port = RegistryServer.freePort();
        Path config = Files.writeString(dir.resolve(deviceName + ".yaml"), """
                device-name: %s
                data-dir: %s
                memory-budget: 128M
                listen: {address: 127.0.0.1, port: %d}
                trust: %s
                """.formatted(deviceName, data, port, trust) + moreConfig);
        Path output = dir.resolve(deviceName + ".out");
        List<String> command = new ArrayList<>(launcher);
        command.addAll(List.of("--config", config.toString()));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile());
        builder.environment().putAll(env);
        AgentProcess agent = new AgentProcess(builder.start(), output, port);
        try {
            agent.awaitOutput("API on https://");
        } catch (AssertionError e) {
            ExternalProcess.stop(agent.process);
            throw e;
        }
        return agent;
    }

    /** Waits (up to 30 s) until the agent has printed {@code text}; fails if it dies first. */
    void awaitOutput(String text) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (!output().contains(text)) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                throw new AssertionError("skiff-agent did not print '" + text + "':\n" + output());
            }
            Thread.sleep(20);
        }
    }

    /** {@code kill -9}: the agent gets no chance to stop its containers or close its state. */
    void kill() throws InterruptedException {
        process.destroyForcibly(); // SIGKILL on Linux
        if (!process.waitFor(10, TimeUnit.SECONDS) || process.exitValue() != 128 + 9) {
            throw new AssertionError("skiff-agent did not die of SIGKILL");
        }
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
