package dev.skiff.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.skiff.image.oci.Descriptor;
import dev.skiff.image.oci.Digest;
import dev.skiff.image.oci.ImageManifest;
import dev.skiff.image.oci.OciJson;
import dev.skiff.image.oci.Reference;
import dev.skiff.image.registry.DistributionClient;
import dev.skiff.image.registry.DockerConfig;
import dev.skiff.image.registry.ManifestContent;
import dev.skiff.image.store.BlobSource;
import dev.skiff.image.store.BlobStore;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Signatures made by {@code skiff sign} and pushed to a real registry: openssl verifies them
 * independently, and {@code skiff verify} on another machine (a fresh SKIFF_HOME that pulls)
 * rejects each kind of forgery with its own message.
 */
class RegistrySignatureTest {
    private static final String SIGNATURE = "dev.cosignproject.cosign/signature";

    @TempDir static Path shared;
    static RegistryServer registry;
    static DistributionClient raw;
    static Path keys;
    static String signedRef;
    static String unsignedRef;
    static Digest signed;
    static Digest unsigned;

    @BeforeAll
    static void pushASignedAndAnUnsignedImage() throws Exception {
        registry = RegistryServer.start(shared.resolve("registry"));
        raw = new DistributionClient(DockerConfig.load(shared.resolve("no-docker-config.json")), Set.of());
        keys = Files.createDirectories(shared.resolve("keys"));
        Skiff dev = new Skiff(Files.createDirectories(shared.resolve("dev")));
        signedRef = registry.address() + "/apps/x:1";
        unsignedRef = registry.address() + "/apps/x:2";
        signed = Digest.parse(Skiff.ok(dev.run("build", "-t", signedRef, "examples/hello")).stdout().strip());
        unsigned = Digest.parse(Skiff.ok(dev.run("build", "-t", unsignedRef, "examples/sleeper")).stdout().strip());
        Skiff.ok(dev.run("key", "generate", "--out", keys.toString()));
        Skiff.ok(dev.run("key", "generate", "--out", keys.resolve("other").toString()));
        Skiff.ok(dev.run("sign", signedRef, "--key", keys.resolve("skiff.key").toString()));
        Skiff.ok(dev.run("push", signedRef));
        Skiff.ok(dev.run("push", unsignedRef));
    }

    @AfterAll
    static void stopRegistry() throws Exception {
        if (registry != null) {
            registry.close();
        }
    }

    private static Skiff.Result verifyOnAFreshMachine(Path home, String ref, Path key) throws Exception {
        return new Skiff(Files.createDirectories(home)).run("verify", ref, "--key", key.toString());
    }

    private static ImageManifest signatureManifest(Digest digest) throws Exception {
        ManifestContent m = raw.getManifest(Reference.parse(signedRef).withTag(digest.signatureTag())).orElseThrow();
        return OciJson.parseManifest(m.content(), "signature manifest");
    }

    @Test
    void opensslVerifiesThePayloadAndSignatureFetchedFromTheRegistry(@TempDir Path dir) throws Exception {
        Descriptor layer = signatureManifest(signed).layers().getFirst();
        byte[] payload;
        try (InputStream in = raw.getBlob(Reference.parse(signedRef), layer.digest())) {
            payload = in.readAllBytes();
        }
        assertTrue(new String(payload, StandardCharsets.UTF_8).contains("\"docker-manifest-digest\":\"" + signed + "\""));
        Files.write(dir.resolve("payload"), payload);
        Files.write(dir.resolve("sig.der"), Base64.getDecoder().decode(layer.annotation(SIGNATURE)));
        var openssl = ExternalProcess.run(dir, List.of(HostTools.require("openssl", "openssl"), "dgst", "-sha256",
                "-verify", keys.resolve("skiff.pub").toString(), "-signature", dir.resolve("sig.der").toString(), dir.resolve("payload").toString()));
        assertEquals("Verified OK", openssl.output().strip());

        Skiff.Result verified = Skiff.ok(verifyOnAFreshMachine(dir.resolve("home"), signedRef, keys.resolve("skiff.pub")));
        assertTrue(verified.stdout().contains("verified " + signedRef), verified.toString());
    }

    @Test
    void rejectsASignatureMovedToAnotherDigest(@TempDir Path home) throws Exception {
        Reference target = Reference.parse(unsignedRef);
        ManifestContent sig = raw.getManifest(Reference.parse(signedRef).withTag(signed.signatureTag())).orElseThrow();
        raw.putManifest(target.withTag(unsigned.signatureTag()), sig);
        try {
            Skiff.Result r = verifyOnAFreshMachine(home, unsignedRef, keys.resolve("skiff.pub"));
            assertEquals(125, r.exitCode(), r.toString());
            assertTrue(r.stderr().contains("signature was made for " + signed + ", not this image " + unsigned), r.toString());
        } finally {
            raw.putManifest(target.withTag(unsigned.signatureTag()), signatureManifestOf(Map.of()));
        }
    }

    @Test
    void rejectsAnAlteredPayload(@TempDir Path home, @TempDir Path blobs) throws Exception {
        Reference repo = Reference.parse(signedRef);
        ImageManifest sig = signatureManifest(signed);
        Descriptor layer = sig.layers().getFirst();
        String original;
        try (InputStream in = raw.getBlob(repo, layer.digest())) {
            original = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        byte[] altered = original.replace("\"optional\":null", "\"optional\":{\"owner\":\"mallory\"}").getBytes(StandardCharsets.UTF_8);
        BlobStore store = new BlobStore(blobs);
        store.put(altered);
        Descriptor alteredLayer = new Descriptor(layer.mediaType(), Digest.of(altered), altered.length, null, layer.annotations());
        raw.uploadBlob(repo, alteredLayer, BlobSource.of(store), n -> {});
        byte[] manifest = OciJson.write(new ImageManifest(sig.mediaType(), sig.artifactType(), sig.config(), List.of(alteredLayer), sig.annotations()));
        ManifestContent before = raw.getManifest(repo.withTag(signed.signatureTag())).orElseThrow();
        raw.putManifest(repo.withTag(signed.signatureTag()), new ManifestContent(sig.mediaType(), manifest));
        try {
            Skiff.Result r = verifyOnAFreshMachine(home, signedRef, keys.resolve("skiff.pub"));
            assertEquals(125, r.exitCode(), r.toString());
            assertTrue(r.stderr().contains("payload was altered after signing"), r.toString());
        } finally {
            raw.putManifest(repo.withTag(signed.signatureTag()), before);
        }
    }

    @Test
    void rejectsTheWrongKeyAndAnUnsignedImage(@TempDir Path home, @TempDir Path other) throws Exception {
        Skiff.Result wrongKey = verifyOnAFreshMachine(home, signedRef, keys.resolve("other/skiff.pub"));
        assertEquals(125, wrongKey.exitCode(), wrongKey.toString());
        assertTrue(wrongKey.stderr().contains("is signed by key sha256:"), wrongKey.toString());
        assertTrue(wrongKey.stderr().contains("not by " + keys.resolve("other/skiff.pub")), wrongKey.toString());

        Skiff.Result notSigned = verifyOnAFreshMachine(other, unsignedRef, keys.resolve("skiff.pub"));
        assertEquals(125, notSigned.exitCode(), notSigned.toString());
        assertTrue(notSigned.stderr().contains(unsigned + " is not signed"), notSigned.toString());
    }

    /** An empty signature manifest, which verify treats as "not signed", to undo a test's forgery. */
    private static ManifestContent signatureManifestOf(Map<String, String> annotations) throws Exception {
        ImageManifest sig = signatureManifest(signed);
        return new ManifestContent(sig.mediaType(), OciJson.write(new ImageManifest(sig.mediaType(), sig.artifactType(), sig.config(), List.of(), annotations)));
    }
}
