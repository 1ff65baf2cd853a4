package dev.skiff.bench;

import dev.skiff.agent.client.AgentClient;
import dev.skiff.agent.client.DeviceEnroller;
import dev.skiff.agent.enroll.EnrollmentToken;
import dev.skiff.agent.pki.FleetCa;
import dev.skiff.image.build.BuildRequest;
import dev.skiff.image.build.BuildResult;
import dev.skiff.image.build.ImageBuilder;
import dev.skiff.image.oci.ImageFormatException;
import dev.skiff.image.progress.ProgressListener;
import dev.skiff.image.sign.ImageSigner;
import dev.skiff.image.sign.SigningKey;
import dev.skiff.image.sign.SigningKeys;
import dev.skiff.image.store.ImageStore;
import dev.skiff.runtime.Sandbox;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;

/**
 * The operator's side of the benchmark: a fleet CA, a signing key the agent's trust policy
 * names, and app images built and signed straight into the agent's store. The store is reached
 * through the file system because the agent has no registry endpoint yet; everything after
 * that (enrollment, deploys, stops, metrics) goes through the mTLS API.
 */
final class BenchOperator implements AutoCloseable {
    private final Path dir;
    private final FleetCa ca;
    private final SigningKey key;
    private final Path publicKey;
    private final Sandbox sandbox = Sandbox.inMemory();

    private BenchOperator(Path dir, FleetCa ca, SigningKey key, Path publicKey) {
        this.dir = dir;
        this.ca = ca;
        this.key = key;
        this.publicKey = publicKey;
    }

    static BenchOperator create(Path dir) throws IOException, GeneralSecurityException {
        FleetCa ca = FleetCa.init(dir.resolve("ca"), "bench fleet");
        SigningKeys.KeyFiles keys = SigningKeys.generate(dir.resolve("keys"), null, false);
        return new BenchOperator(dir, ca, SigningKeys.readPrivateKey(keys.privateKey(), null), keys.publicKey());
    }

    /** The key the agent's trust policy must name. */
    Path publicKey() {
        return publicKey;
    }

    /** Enrolls the agent with the token it printed; returns an operator client for it. */
    AgentClient enroll(AgentProcess agent) throws IOException {
        return AgentClient.connect(DeviceEnroller.enroll(agent.address(), EnrollmentToken.parse(agent.token()), "bench", ca), ca);
    }

    /**
     * Writes an app folder ({@code skiff.yaml}: name, version, module, then {@code yamlBody}),
     * builds it into the store under {@code agentData}, signs it, and returns the reference to deploy.
     */
    String buildSigned(Path agentData, String name, String version, byte[] module, String yamlBody)
            throws IOException, ImageFormatException, GeneralSecurityException {
        Path app = Files.createDirectories(dir.resolve("apps").resolve(name + "-" + version));
        Files.write(app.resolve("app.wasm"), module);
        Files.writeString(app.resolve("skiff.yaml"), "name: " + name + "\nversion: \"" + version + "\"\nmodule: app.wasm\n" + yamlBody);
        ImageStore store = ImageStore.open(agentData.resolve("images"));
        BuildResult built = new ImageBuilder(store, sandbox).build(BuildRequest.of(app), ProgressListener.NONE);
        new ImageSigner(store).sign(built.reference(), key);
        return built.reference().withDigest(built.index().digest()).toString();
    }

    @Override
    public void close() {
        sandbox.close();
    }
}
