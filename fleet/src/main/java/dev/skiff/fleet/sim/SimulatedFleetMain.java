package dev.skiff.fleet.sim;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * {@code java -cp … dev.skiff.fleet.sim.SimulatedFleetMain --dir DIR --broker URL --devices N --trust YAML [--prefix P]}:
 * runs a {@link SimulatedFleet} until SIGTERM (bench/fleet.sh). Every device is labelled
 * {@code site=sim}. Prints one line when every device holds a connection to the broker.
 */
public final class SimulatedFleetMain {
    private SimulatedFleetMain() {}

    public static void main(String[] args) throws Exception {
        Map<String, String> options = options(args);
        int count = Integer.parseInt(options.get("--devices"));
        long started = System.nanoTime();
        SimulatedFleet fleet = SimulatedFleet.start(new SimulatedFleet.Plan(Path.of(options.get("--dir")), options.get("--broker"), count,
                options.getOrDefault("--prefix", "sim"), options.get("--trust"), i -> Map.of("site", "sim")), System.err);
        while (!fleet.allConnected()) {
            Thread.sleep(20);
        }
        System.out.printf("simulated fleet ready: %d devices connected in %d ms%n", count, (System.nanoTime() - started) / 1_000_000);
        System.out.flush();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            fleet.close();
            stopped.countDown();
        }, "simulated-fleet-shutdown"));
        stopped.await();
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            options.put(args[i], args[i + 1]);
        }
        for (String required : List.of("--dir", "--broker", "--devices", "--trust")) {
            if (!options.containsKey(required)) {
                System.err.println("usage: SimulatedFleetMain --dir DIR --broker URL --devices N --trust YAML [--prefix P]");
                System.exit(2);
            }
        }
        return options;
    }
}
