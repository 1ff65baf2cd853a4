package dev.skiff.it;

import static dev.skiff.it.Skiff.ok;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.skiff.agent.Agent;
import dev.skiff.agent.state.AppRecord;
import dev.skiff.agent.state.Release;
import dev.skiff.fleet.sim.SimulatedDevice;
import dev.skiff.fleet.sim.SimulatedFleet;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/**
 * What every fleet test stands on: a real Mosquitto and a real docker-registry on loopback, an
 * operator ({@code ./skiff} with its own SKIFF_HOME and signing key) that has built, signed and
 * pushed three versions of an app, and a {@link SimulatedFleet} of real agents that admit only
 * images signed with that key. Devices carry {@code site=lab}; odd ones also {@code ring=odd}.
 *
 * <p>The versions: {@code v1} and {@code v2} run and pass a 1 s running-for health check;
 * {@code bad} runs but its health export answers "sick" at once.
 */
final class FleetFixture implements AutoCloseable {
    static final String APP = "ticker";

    final Path dir;
    final Skiff skiff;
    final MosquittoServer broker;
    final RegistryServer registry;
    final SimulatedFleet fleet;
    final String v1;
    final String v2;
    final String bad;

    private FleetFixture(Path dir, Skiff skiff, MosquittoServer broker, RegistryServer registry, SimulatedFleet fleet, String v1, String v2,
            String bad) {
        this.dir = dir;
        this.skiff = skiff;
        this.broker = broker;
        this.registry = registry;
        this.fleet = fleet;
        this.v1 = v1;
        this.v2 = v2;
        this.bad = bad;
    }

    static FleetFixture start(Path dir, int devices) throws Exception {
        MosquittoServer broker = MosquittoServer.start(dir.resolve("mosquitto"));
        RegistryServer registry = null;
        try {
            registry = RegistryServer.start(dir.resolve("registry"));
            Skiff skiff = new Skiff(Files.createDirectories(dir.resolve("home"))).withEnv("SKIFF_FLEET_BROKER", broker.url());
            Path keys = dir.resolve("keys");
            ok(skiff.run("key", "generate", "--out", keys.toString()));
            String repo = registry.address() + "/apps/" + APP;
            String v1 = publish(skiff, dir, keys, repo + ":1", "1.0.0", "sleeper", "[\"100\"]", "{running-for: 1s}");
            String v2 = publish(skiff, dir, keys, repo + ":2", "2.0.0", "sleeper", "[\"100\"]", "{running-for: 1s}");
            String bad = publish(skiff, dir, keys, repo + ":bad", "3.0.0", "healthy", "[\"100\", \"0\"]", "{export: health, interval: 200ms}");
            String trust = "{mode: reject-unsigned, keys: [" + keys.resolve("skiff.pub") + "]}";
            SimulatedFleet fleet = SimulatedFleet.start(new SimulatedFleet.Plan(dir.resolve("devices"), broker.url(), devices, "dev", trust,
                    i -> i % 2 == 1 ? Map.of("site", "lab", "ring", "odd") : Map.of("site", "lab")), System.err);
            FleetFixture fixture = new FleetFixture(dir, skiff, broker, registry, fleet, v1, v2, bad);
            fixture.await("every device connected", Duration.ofSeconds(60), fleet::allConnected);
            return fixture;
        } catch (Exception | AssertionError e) {
            if (registry != null) {
                registry.close();
            }
            broker.close();
            throw e;
        }
    }

    /** Builds the app at this version from an example module, signs and pushes it; returns its digest. */
    private static String publish(Skiff skiff, Path dir, Path keys, String image, String version, String example, String args, String health)
            throws IOException, InterruptedException {
        Path app = Files.createDirectories(dir.resolve("app-" + version));
        Files.copy(Skiff.ROOT.resolve(Skiff.example(example)), app.resolve("app.wasm"));
        Files.writeString(app.resolve("skiff.yaml"), """
                name: %s
                version: %s
                module: app.wasm
                args: %s
                resources:
                  memory: 16M
                health: %s
                """.formatted(APP, version, args, health));
        String digest = ok(skiff.run("build", app.toString(), "-t", image)).stdout().strip();
        ok(skiff.run("sign", image, "--key", keys.resolve("skiff.key").toString()));
        ok(skiff.run("push", image));
        return digest;
    }

    String image(String tag) {
        return registry.address() + "/apps/" + APP + ":" + tag;
    }

    /** The digest of the release the device runs as the app, if any. */
    static Optional<String> runningDigest(SimulatedDevice device) {
        Agent agent = device.agent();
        Optional<AppRecord> app = agent.apps().stream().filter(a -> a.name().equals(APP)).findFirst();
        if (app.isEmpty() || app.get().currentRelease().isEmpty()) {
            return Optional.empty();
        }
        long current = app.get().currentRelease().getAsLong();
        return agent.history(APP).stream().filter(r -> r.id() == current).map(r -> r.image().toString()).findFirst();
    }

    /** Every release the device ever made of the app (each one deploy), oldest first. */
    static List<Release> releases(SimulatedDevice device) {
        return device.agent().history(APP).reversed();
    }

    /** How often the device deployed this digest. */
    static long deploysOf(SimulatedDevice device, String digest) {
        return releases(device).stream().filter(r -> r.image().toString().equals(digest)).count();
    }

    /** Rolls v1 out to every device and checks it arrived: the state most tests start from. */
    void installV1Everywhere() throws IOException, InterruptedException {
        Skiff.Result r = skiff.run("fleet", "rollout", image("1"), "--waves", "100%", "--max-unavailable", "100", "--health-timeout", "60s");
        ok(r);
        for (SimulatedDevice d : fleet.devices()) {
            assertEquals(Optional.of(v1), runningDigest(d), r.toString());
        }
    }

    /**
     * Starts {@code skiff fleet rollout} of v2 as a process of its own (output to {@code output}),
     * paced to take several seconds (two devices at a time), and returns once it reached its second wave.
     */
    Process startRolloutOfV2ToWaveTwo(Path output) throws IOException, InterruptedException {
        Process cli = skiff.start(output, "fleet", "rollout", image("2"), "--waves", "1,25%,50%,100%", "--max-unavailable", "2",
                "--health-timeout", "60s");
        try {
            await("the rollout reaching its second wave", Duration.ofSeconds(60), () -> read(output).contains("wave 2/4"));
        } catch (AssertionError | InterruptedException e) {
            cli.destroyForcibly();
            throw e;
        }
        return cli;
    }

    /** The stdout of a skiff command that must succeed, for polling conditions (which cannot throw checked exceptions). */
    String stdoutOf(String... args) {
        try {
            return ok(skiff.run(args)).stdout();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    static String read(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file) : "";
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    void await(String what, Duration limit, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within " + limit.toSeconds() + " s: " + what);
            }
            Thread.sleep(50);
        }
    }

    @Override
    public void close() throws Exception {
        try {
            fleet.close();
        } finally {
            try {
                registry.close();
            } finally {
                broker.close();
            }
        }
    }
}
