package dev.skiff.image.sign;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.skiff.image.oci.Descriptor;
import dev.skiff.image.oci.Digest;
import dev.skiff.image.oci.ImageManifest;
import dev.skiff.image.oci.MediaTypes;
import dev.skiff.image.oci.OciJson;
import dev.skiff.image.oci.Reference;
import dev.skiff.image.store.ImageGraph;
import dev.skiff.image.store.ImageStore;
import dev.skiff.image.store.TaggedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageSignerTest {
    @TempDir Path dir;
    ImageStore store;
    TinyWasmImage image;
    SigningKey key = SigningKeys.newKey();

    @BeforeEach
    void storeWithAnImage() throws Exception {
        store = ImageStore.open(dir.resolve("images"));
        image = TinyWasmImage.tag(store, "127.0.0.1:5000/hello:1.0", "a");
    }

    @Test
    void signsTheIndexAndItsWasmManifestOnceButNotNativeManifests() throws Exception {
        var signed = new ImageSigner(store).sign(image.reference(), key);
        assertEquals(List.of(new SignatureTarget(image.index().digest(), "index"),
                new SignatureTarget(image.wasmManifest().digest(), "wasm manifest")), signed.targets());
        assertEquals(key.id(), signed.keyId());

        Set<String> signatureTags = store.list().stream().filter(TaggedImage::isSignature)
                .map(t -> t.reference().toString()).collect(Collectors.toSet());
        assertEquals(Set.of(
                "127.0.0.1:5000/hello:sha256-" + image.index().digest().hex() + ".sig",
                "127.0.0.1:5000/hello:sha256-" + image.wasmManifest().digest().hex() + ".sig"), signatureTags);
    }

    @Test
    void signatureManifestIsLaidOutAsCosignLaysItOut() throws Exception {
        new ImageSigner(store).sign(image.reference(), key);
        Digest signedDigest = image.wasmManifest().digest();
        ImageManifest manifest = signatureManifest(signedDigest);
        assertEquals(MediaTypes.OCI_MANIFEST, manifest.mediaType());
        assertEquals(MediaTypes.OCI_CONFIG, manifest.config().mediaType());
        assertEquals(1, manifest.layers().size());

        Descriptor layer = manifest.layers().getFirst();
        assertEquals(MediaTypes.COSIGN_SIMPLE_SIGNING, layer.mediaType());
        byte[] payload = store.blobs().read(layer.digest(), 4096);
        assertArrayEquals(new SimpleSigningPayload("127.0.0.1:5000/hello", signedDigest).bytes(), payload);
        byte[] der = Base64.getDecoder().decode(layer.annotation("dev.cosignproject.cosign/signature"));
        assertTrue(new VerificationKey("test", key.publicKey()).verifies(payload, der));
        assertEquals(key.id(), layer.annotation("dev.skiff.key-id"));

        JsonNode config = OciJson.tree(store.blobs().read(manifest.config().digest(), 4096), "config");
        assertEquals(layer.digest().toString(), config.at("/rootfs/diff_ids/0").asText());
        assertEquals(1, config.at("/rootfs/diff_ids").size());
    }

    @Test
    void anotherKeyAppendsItsSignatureAndTheSameKeyReplacesItsOwn() throws Exception {
        SigningKey other = SigningKeys.newKey();
        var signer = new ImageSigner(store);
        signer.sign(image.reference(), key);
        signer.sign(image.reference(), other);
        assertEquals(List.of(key.id(), other.id()), signerIds(image.index().digest()));

        signer.sign(image.reference(), key);
        assertEquals(List.of(other.id(), key.id()), signerIds(image.index().digest()));
        assertEquals(List.of(other.id(), key.id()), signerIds(image.wasmManifest().digest()));
    }

    @Test
    void twoSignersAtOnceBothKeepTheirSignature() throws Exception {
        SigningKey other = SigningKeys.newKey();
        for (int round = 0; round < 20; round++) {
            TinyWasmImage fresh = TinyWasmImage.tag(store, "127.0.0.1:5000/hello:race-" + round, "round " + round);
            CyclicBarrier start = new CyclicBarrier(2);
            try (ExecutorService signers = Executors.newFixedThreadPool(2)) {
                List<Future<?>> done = new ArrayList<>();
                for (SigningKey k : List.of(key, other)) {
                    // a signer of its own per thread, as two skiff sign processes would each have
                    done.add(signers.submit(() -> {
                        start.await();
                        return new ImageSigner(store).sign(fresh.reference(), k);
                    }));
                }
                for (Future<?> f : done) {
                    f.get();
                }
            }
            assertEquals(Set.of(key.id(), other.id()), Set.copyOf(signerIds(fresh.index().digest())), "round " + round);
        }
    }

    @Test
    void refusesImagesNotInTheStoreAndSignatureTags() throws Exception {
        var signer = new ImageSigner(store);
        var missing = assertThrows(IllegalArgumentException.class,
                () -> signer.sign(Reference.parse("127.0.0.1:5000/nothing:1.0"), key));
        assertEquals("127.0.0.1:5000/nothing:1.0 is not in the local image store; build, load or pull it first", missing.getMessage());

        signer.sign(image.reference(), key);
        Reference signatureTag = image.reference().withTag(image.index().digest().signatureTag());
        var signature = assertThrows(IllegalArgumentException.class, () -> signer.sign(signatureTag, key));
        assertTrue(signature.getMessage().endsWith("is a signature, not an image; name the image it signs"), signature.getMessage());
    }

    private ImageManifest signatureManifest(Digest signed) throws Exception {
        Descriptor d = store.resolve(image.reference().withTag(signed.signatureTag())).orElseThrow();
        return ImageGraph.manifest(d, store.source());
    }

    private List<String> signerIds(Digest signed) throws Exception {
        return signatureManifest(signed).layers().stream().map(l -> l.annotation("dev.skiff.key-id")).toList();
    }
}
