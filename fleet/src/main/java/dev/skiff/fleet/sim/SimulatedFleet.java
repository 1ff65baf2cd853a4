package dev.skiff.fleet.sim;

import dev.skiff.agent.ConfigException;
import dev.skiff.runtime.Sandbox;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;
import java.util.stream.Collectors;

/**
 * N real agents in one JVM, for tests and benchmarks: device {@code PREFIX-0001} … keeps its
 * data in {@code DIR/PREFIX-0001/}, its own config file, its own MQTT client id. They share one
 * {@link Sandbox} with its compile cache directory, so the fleet compiles each module once rather
 * than N times and has one watchdog thread rather than N (each polls every few milliseconds).
 */
public final class SimulatedFleet implements AutoCloseable {
    private final List<SimulatedDevice> devices;
    private final List<String> names;
    private final Sandbox sandbox;

    private SimulatedFleet(List<String> names, List<SimulatedDevice> devices, Sandbox sandbox) {
        this.names = names;
        this.devices = devices;
        this.sandbox = sandbox;
    }

    /**
     * What each device is given.
     *
     * @param trust the agent config's {@code trust:} value (YAML flow style)
     * @param labels the labels of the n-th device (0-based)
     */
    public record Plan(Path dir, String broker, int count, String prefix, String trust, IntFunction<Map<String, String>> labels) {}

    /** Creates the devices' configs and brings them all online (in parallel); returns once each has started connecting. */
    public static SimulatedFleet start(Plan plan, PrintStream log) throws IOException, InterruptedException {
        Sandbox sandbox = Sandbox.withCompileCache(Files.createDirectories(plan.dir().resolve("shared-compile-cache")));
        List<String> names = new ArrayList<>();
        List<SimulatedDevice> devices = new ArrayList<>();
        for (int i = 0; i < plan.count(); i++) {
            String name = "%s-%04d".formatted(plan.prefix(), i + 1);
            Path data = Files.createDirectories(plan.dir().resolve(name));
            String labels = plan.labels().apply(i).entrySet().stream().map(e -> e.getKey() + ": " + e.getValue())
                    .collect(Collectors.joining(", ", "{", "}"));
            Path config = Files.writeString(data.resolve("agent.yaml"), """
                    device-name: %s
                    data-dir: %s
                    memory-budget: 64M
                    trust: %s
                    mqtt:
                      broker: %s
                      labels: %s
                    """.formatted(name, data, plan.trust(), plan.broker(), labels));
            names.add(name);
            devices.add(new SimulatedDevice(config, sandbox, log));
        }
        SimulatedFleet fleet = new SimulatedFleet(List.copyOf(names), List.copyOf(devices), sandbox);
        try (ExecutorService starting = Executors.newFixedThreadPool(Math.max(2, Runtime.getRuntime().availableProcessors()))) {
            List<Future<?>> started = new ArrayList<>();
            for (SimulatedDevice d : devices) {
                started.add(starting.submit(() -> {
                    d.online();
                    return null;
                }));
            }
            for (Future<?> f : started) {
                f.get();
            }
        } catch (java.util.concurrent.ExecutionException e) {
            fleet.close();
            Throwable cause = e.getCause();
            throw cause instanceof ConfigException c ? new IOException(c.getMessage(), c)
                    : cause instanceof IOException io ? io : new IOException("a simulated device did not start: " + cause, cause);
        }
        return fleet;
    }

    public List<String> names() {
        return names;
    }

    public SimulatedDevice device(String name) {
        int i = names.indexOf(name);
        if (i < 0) {
            throw new IllegalArgumentException("no simulated device " + name);
        }
        return devices.get(i);
    }

    public List<SimulatedDevice> devices() {
        return devices;
    }

    /** Whether every online device holds a connection to the broker. */
    public boolean allConnected() {
        return devices.stream().allMatch(d -> !d.isOnline() || d.isConnected());
    }

    @Override
    public void close() {
        try {
            devices.parallelStream().forEach(SimulatedDevice::close);
        } finally {
            sandbox.close();
        }
    }
}
