package dev.skiff.bench;

import dev.skiff.agent.client.AgentClient;
import dev.skiff.agent.client.DeviceEnroller;
import dev.skiff.agent.enroll.EnrollmentToken;
import dev.skiff.agent.pki.FleetCa;
import dev.skiff.image.build.BuildRequest;
import dev.skiff.image.build.BuildResult;
import dev.skiff.image.build.ImageBuilder;
import dev.skiff.image.oci.Digest;
import dev.skiff.image.oci.ImageFormatException;
import dev.skiff.image.oci.Reference;
import dev.skiff.image.progress.ProgressListener;
import dev.skiff.image.registry.ImagePusher;
import dev.skiff.image.registry.PushResult;
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
 * names, and app images built and signed into the operator's own store, then pushed to the
 * agent's registry endpoint ({@code /v2/}) as {@code skiff push REF --to DEVICE} does. Everything
 * reaches the agent over the network: images, enrollment, deploys, runs, metrics.
 */
final class BenchOperator implements AutoCloseable {
    private final Path dir;
    private final FleetCa ca;
    private final SigningKey key;
    private final Path publicKey;
    private final Sandbox sandbox = Sandbox.inMemory();
    private final ImageStore store;

    private BenchOperator(Path dir, FleetCa ca, SigningKey key, Path publicKey) throws IOException {
        this.dir = dir;
        this.ca = ca;
        this.key = key;
        this.publicKey = publicKey;
        this.store = ImageStore.open(dir.resolve("images"));
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
     * builds it into the operator's store under NAME:VERSION and signs it.
     */
    SignedImage buildSigned(String name, String version, byte[] module, String yamlBody)
            throws IOException, ImageFormatException, GeneralSecurityException {
        Path app = Files.createDirectories(dir.resolve("apps").resolve(name + "-" + version));
        Files.write(app.resolve("app.wasm"), module);
        Files.writeString(app.resolve("skiff.yaml"), "name: " + name + "\nversion: \"" + version + "\"\nmodule: app.wasm\n" + yamlBody);
        BuildResult built = new ImageBuilder(store, sandbox).build(BuildRequest.of(app), ProgressListener.NONE);
        new ImageSigner(store).sign(built.reference(), key);
        return new SignedImage(built.reference(), built.index().digest());
    }

    /** An image of the operator's store: its tag, and its digest. */
    record SignedImage(Reference tag, Digest digest) {
        /** What deploys and runs name: the repository (where the device finds the signatures) and the digest. */
        String pinned() {
            return tag.withDigest(digest).toString();
        }
    }

    /** Pushes an image with its signatures to the device's registry endpoint, as {@code skiff push REF --to DEVICE}. */
    PushResult push(AgentClient device, SignedImage image) throws IOException, ImageFormatException {
        return new ImagePusher(store, device.registry(), ProgressListener.NONE).push(image.tag(), device.pushDestination(image.tag()));
    }

    @Override
    public void close() {
        sandbox.close();
    }
}
