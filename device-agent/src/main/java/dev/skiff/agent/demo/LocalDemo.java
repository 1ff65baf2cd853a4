package dev.skiff.agent.demo;

import dev.skiff.agent.Agent;
import dev.skiff.agent.AgentConfig;
import dev.skiff.agent.GpioSettings;
import dev.skiff.agent.api.ApiServer;
import dev.skiff.agent.client.AgentClient;
import dev.skiff.agent.client.DeviceEnroller;
import dev.skiff.agent.client.DeviceRecord;
import dev.skiff.agent.client.DeviceRegistry;
import dev.skiff.agent.pki.FleetCa;
import dev.skiff.agent.trust.TrustMode;
import dev.skiff.agent.trust.TrustPolicy;
import dev.skiff.agent.trust.TrustRule;
import dev.skiff.image.build.BuildRequest;
import dev.skiff.image.build.BuildResult;
import dev.skiff.image.build.ImageBuilder;
import dev.skiff.image.progress.ProgressListener;
import dev.skiff.image.sign.ImageSigner;
import dev.skiff.image.sign.SigningKey;
import dev.skiff.image.sign.SigningKeys;
import dev.skiff.image.sign.VerificationKey;
import dev.skiff.protocols.api.ReleaseInfo;
import dev.skiff.runtime.Sandbox;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;

/**
 * Skiff's main job on embedded defaults, in one process: a device agent on loopback with its own
 * data dir, a fleet CA, the agent enrolled with its one-time token, an example app built, signed
 * and deployed under a reject-unsigned trust policy, and its output streamed through the API.
 *
 * <p>The image reaches the agent's store through the shared file system, since both run here;
 * everything after that (enrollment, deploy, health gate, logs) goes through the real mTLS API.
 */
public final class LocalDemo {
    private final Path home;
    private final Path app;
    private final Consumer<String> say;

    /**
     * @param home an empty directory for everything the demo makes (it doubles as SKIFF_HOME)
     * @param app the app folder to deploy, e.g. examples/sleeper
     * @param say where the demo tells the user what it does
     */
    public LocalDemo(Path home, Path app, Consumer<String> say) {
        this.home = home;
        this.app = app;
        this.say = say;
    }

    /** A running demo: close it to stop the agent. */
    public record Running(Agent agent, ApiServer api, AgentClient client, String appName) implements AutoCloseable {
        @Override
        public void close() {
            api.close();
            agent.close();
        }
    }

    public Running start() throws Exception {
        SigningKey key = SigningKeys.newKey();
        TrustPolicy trust = TrustPolicy.of(TrustRule.defaultRule(TrustMode.REJECT_UNSIGNED, List.of(new VerificationKey("demo key", key.publicKey()))));
        AgentConfig config = new AgentConfig("demo", home.resolve("agent"), 256L << 20, AgentConfig.DEFAULT_LOG_MAX_BYTES,
                AgentConfig.DEFAULT_LOG_FILES, "127.0.0.1", AgentConfig.DEFAULT_PORT, trust, GpioSettings.NONE);
        Agent agent = Agent.open(config);
        agent.start().forEach(problem -> say.accept("agent: " + problem));
        ApiServer api = ApiServer.start(agent, new InetSocketAddress("127.0.0.1", 0));
        String address = "127.0.0.1:" + api.port();
        say.accept("started an agent on https://" + address + " (data in " + config.dataDir() + ", trust policy: reject-unsigned)");
        try {
            FleetCa ca = FleetCa.init(home.resolve("ca"), "skiff demo fleet");
            DeviceRecord device = DeviceEnroller.enroll(address, agent.enrollment().pendingToken().orElseThrow(), "demo", ca);
            new DeviceRegistry(home.resolve("devices.json")).put(device);
            say.accept("made a fleet CA and enrolled the agent as device 'demo' with its one-time token (mTLS from now on)");

            BuildResult built;
            try (Sandbox sandbox = Sandbox.inMemory()) {
                built = new ImageBuilder(agent.content().images(), sandbox).build(BuildRequest.of(app), ProgressListener.NONE);
            }
            new ImageSigner(agent.content().images()).sign(built.reference(), key);
            say.accept("built " + built.reference().familiar() + " (" + built.index().digest() + ") and signed it with a new key (id " + key.id() + ")");

            AgentClient client = AgentClient.connect(device, ca);
            String appName = built.app().name();
            ReleaseInfo release = client.deploy(appName, built.reference().withDigest(built.index().digest()).toString());
            if (!release.state().equals("ACTIVE")) {
                throw new IllegalStateException("the deploy did not go through: " + release.state() + ": " + release.detail());
            }
            say.accept("deployed " + appName + " r" + release.id() + ": it passed its health check and is running");
            return new Running(agent, api, client, appName);
        } catch (Exception | Error e) {
            api.close();
            agent.close();
            throw e;
        }
    }

    /** Streams the app's log through the API for {@code duration} (forever when null). */
    public static void follow(Running demo, Duration duration, Consumer<String> line) throws Exception {
        Thread follower = Thread.ofVirtual().start(() -> {
            try {
                demo.client().logs(demo.appName(), true, line);
            } catch (java.io.IOException e) {
                line.accept("(log stream ended: " + e.getMessage() + ")");
            }
        });
        if (duration == null) {
            follower.join();
        } else {
            follower.join(duration);
        }
    }
}
