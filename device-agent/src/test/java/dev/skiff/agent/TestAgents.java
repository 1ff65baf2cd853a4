package dev.skiff.agent;

import dev.skiff.agent.state.Release;
import dev.skiff.agent.supervisor.ContainerStatus;
import dev.skiff.agent.trust.TrustMode;
import dev.skiff.agent.trust.TrustPolicy;
import dev.skiff.agent.trust.TrustRule;
import dev.skiff.image.build.BuildRequest;
import dev.skiff.image.build.ImageBuilder;
import dev.skiff.image.build.BuildResult;
import dev.skiff.image.oci.Reference;
import dev.skiff.image.progress.ProgressListener;
import dev.skiff.runtime.ContainerState;
import dev.skiff.runtime.Sandbox;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.BooleanSupplier;

/** Agents over temp data dirs, and app images built from the committed examples. */
public final class TestAgents {
    public static final Path ROOT = Path.of(System.getenv().getOrDefault("SKIFF_ROOT", "..")).toAbsolutePath().normalize();
    private static final Sandbox BUILD_SANDBOX = Sandbox.inMemory();

    private TestAgents() {}

    /** A policy that lets every image in: the tests that are not about trust deploy unsigned images. */
    public static final TrustPolicy ALLOW_ALL = TrustPolicy.of(TrustRule.defaultRule(TrustMode.ALLOW, List.of()));

    public static Agent open(Path data, long memoryBudget) throws IOException {
        return open(data, memoryBudget, ALLOW_ALL);
    }

    public static Agent open(Path data, long memoryBudget, TrustPolicy trust) throws IOException {
        return Agent.open(AgentConfig.defaults(data).withMemoryBudget(memoryBudget).withTrust(trust));
    }

    /**
     * Writes an app folder under {@code dir}: {@code skiff.yaml} from {@code yamlBody} (after
     * name, version and module lines) beside the module of {@code examples/EXAMPLE}.
     */
    public static Path app(Path dir, String example, String name, String version, String yamlBody) throws IOException {
        Path app = Files.createDirectories(dir.resolve(name + "-" + version));
        Files.copy(ROOT.resolve("examples").resolve(example).resolve(example + ".wasm"), app.resolve(example + ".wasm"));
        Files.writeString(app.resolve("skiff.yaml"),
                "name: " + name + "\nversion: " + version + "\nmodule: " + example + ".wasm\n" + yamlBody);
        return app;
    }

    /** Builds the app folder into the agent's store, tagged NAME:VERSION; returns that tag pinned to the index digest. */
    public static Reference build(Agent agent, Path appDir) throws IOException {
        BuildResult built = new ImageBuilder(agent.content().images(), BUILD_SANDBOX).build(BuildRequest.of(appDir), ProgressListener.NONE);
        return built.reference().withDigest(built.index().digest());
    }

    /** A sleeper printing a tick every 100 ms, healthy after {@code healthy}, within {@code memory}. */
    public static Path sleeper(Path dir, String version, String healthy, String memory) throws IOException {
        return app(dir, "sleeper", "sleeper", version,
                "args: [\"100\"]\nresources:\n  memory: " + memory + "\nhealth:\n  running-for: " + healthy + "\n");
    }

    /** Builds and deploys a {@link #sleeper} as app {@code app}. */
    public static Release deploySleeper(Agent agent, Path dir, String app, String version, String healthy, String memory) throws Exception {
        return agent.deploy(app, build(agent, sleeper(dir, version, healthy, memory)));
    }

    /** The containers that are running, as app/release names. */
    public static List<String> running(Agent agent) {
        return agent.ps().stream().filter(s -> s.state() instanceof ContainerState.Running).map(ContainerStatus::name).toList();
    }

    /** Polls until the condition holds; fails the test after {@code timeout}. */
    public static void awaitTrue(Duration timeout, BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out after " + timeout.toMillis() + " ms waiting for " + what);
            }
            Thread.sleep(20);
        }
    }
}
