package dev.skiff.image.sign;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.skiff.image.oci.Descriptor;
import dev.skiff.image.oci.Digest;
import dev.skiff.image.oci.MediaTypes;
import dev.skiff.image.oci.Reference;
import dev.skiff.image.sign.VerificationException.Problem;
import dev.skiff.image.store.ImageStore;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageVerifierTest {
    @TempDir Path dir;
    ImageStore store;
    TinyWasmImage image;
    SignatureManifests signatures;
    SigningKey key = SigningKeys.newKey();
    VerificationKey publicKey;

    @BeforeEach
    void storeWithAnImage() throws Exception {
        store = ImageStore.open(dir.resolve("images"));
        signatures = new SignatureManifests(store);
        image = TinyWasmImage.tag(store, "127.0.0.1:5000/hello:1.0", "a");
        publicKey = new VerificationKey("skiff.pub", key.publicKey());
    }

    @Test
    void signedImageVerifies() throws Exception {
        new ImageSigner(store).sign(image.reference(), key);
        var verified = verifier().verify(image.reference(), publicKey);
        assertEquals(List.of(image.index().digest(), image.wasmManifest().digest()),
                verified.targets().stream().map(SignatureTarget::digest).toList());
        assertEquals(key.id(), verified.keyId());
        assertEquals(List.of(), verified.warnings());

        var byDigest = verifier().verify(image.reference().withDigest(image.index().digest()), publicKey);
        assertEquals(verified.targets(), byDigest.targets());
    }

    @Test
    void eachOfSeveralSignersVerifies() throws Exception {
        SigningKey other = SigningKeys.newKey();
        new ImageSigner(store).sign(image.reference(), key);
        new ImageSigner(store).sign(image.reference(), other);
        assertEquals(key.id(), verifier().verify(image.reference(), publicKey).keyId());
        assertEquals(other.id(), verifier().verify(image.reference(), new VerificationKey("other.pub", other.publicKey())).keyId());

        SigningKey third = SigningKeys.newKey();
        var e = refused(new VerificationKey("third.pub", third.publicKey()), Problem.WRONG_KEY);
        assertTrue(e.getMessage().startsWith("none of the 2 signatures of index " + image.index().digest() + " verifies with third.pub: "
                + image.index().digest() + " is signed by key " + key.id() + ", not by third.pub"), e.getMessage());
    }

    @Test
    void unsignedImage() throws Exception {
        var e = refused(publicKey, Problem.UNSIGNED);
        assertEquals("index " + image.index().digest() + " is not signed; run skiff sign 127.0.0.1:5000/hello:1.0 --key skiff.key",
                e.getMessage());
    }

    @Test
    void unsignedWasmManifestOfASignedIndex() throws Exception {
        new ImageSigner(store).sign(image.reference(), key);
        store.untag(signatureTag(image.wasmManifest().digest()));
        var e = refused(publicKey, Problem.UNSIGNED);
        assertTrue(e.getMessage().startsWith("wasm manifest " + image.wasmManifest().digest() + " is not signed; run skiff sign"),
                e.getMessage());
    }

    @Test
    void signatureMovedFromAnotherImage() throws Exception {
        TinyWasmImage signedImage = TinyWasmImage.tag(store, "127.0.0.1:5000/hello:signed", "b");
        new ImageSigner(store).sign(signedImage.reference(), key);
        Digest signedDigest = signedImage.index().digest();
        store.tag(signatureTag(image.index().digest()), store.resolve(signatureTag(signedDigest)).orElseThrow());

        var e = refused(publicKey, Problem.MOVED);
        assertEquals("signature was made for " + signedDigest + ", not this image " + image.index().digest(), e.getMessage());
    }

    @Test
    void payloadAlteredAfterSigning() throws Exception {
        new ImageSigner(store).sign(image.reference(), key);
        Digest digest = image.index().digest();
        Descriptor layer = signatures.layers(image.reference(), digest).getFirst();
        byte[] altered = new SimpleSigningPayload("evil.example/hello", digest).bytes();
        Descriptor alteredLayer = new Descriptor(layer.mediaType(), store.blobs().put(altered), altered.length, null, layer.annotations());
        signatures.write(image.reference(), digest, List.of(alteredLayer));

        var e = refused(publicKey, Problem.ALTERED);
        assertEquals("signature of " + digest + ": payload was altered after signing: signature does not verify with the key"
                + " that made it (key id " + key.id() + ")", e.getMessage());
    }

    @Test
    void signedByAnotherKey() throws Exception {
        SigningKey other = SigningKeys.newKey();
        new ImageSigner(store).sign(image.reference(), other);
        var e = refused(publicKey, Problem.WRONG_KEY);
        assertEquals(image.index().digest() + " is signed by key " + other.id() + ", not by skiff.pub (" + key.id() + ")", e.getMessage());
    }

    @Test
    void signaturesWithoutKeyIdVerifyButCannotNameTheirKey() throws Exception {
        signLikeCosign(image, "127.0.0.1:5000/hello");
        assertEquals(2, verifier().verify(image.reference(), publicKey).targets().size());

        var wrong = new VerificationKey("other.pub", SigningKeys.newKey().publicKey());
        var e = assertThrows(VerificationException.class, () -> verifier().verify(image.reference(), wrong));
        assertEquals(Problem.UNVERIFIABLE, e.problem());
        assertEquals("signature of " + image.index().digest() + " does not verify with other.pub (wrong key or altered payload)",
                e.getMessage());
    }

    @Test
    void signatureUnderAnotherRepositoryIsAWarning() throws Exception {
        new ImageSigner(store).sign(image.reference(), key);
        Reference copy = Reference.parse("registry.example/team/hello:1.0");
        store.tag(copy, image.index());
        for (Digest d : List.of(image.index().digest(), image.wasmManifest().digest())) {
            store.tag(copy.withTag(d.signatureTag()), store.resolve(signatureTag(d)).orElseThrow());
        }
        var verified = verifier().verify(copy, publicKey);
        assertEquals(List.of("index " + image.index().digest() + " was signed as 127.0.0.1:5000/hello, not registry.example/team/hello"
                        + " (expected when the image was copied from another registry)",
                "wasm manifest " + image.wasmManifest().digest() + " was signed as 127.0.0.1:5000/hello, not"
                        + " registry.example/team/hello (expected when the image was copied from another registry)"),
                verified.warnings());
    }

    @Test
    void cosignsSpellingOfDockerHubIsTheSameRepository() throws Exception {
        TinyWasmImage hub = TinyWasmImage.tag(store, "hello:1.0", "hub");
        signLikeCosign(hub, "index.docker.io/library/hello");
        assertEquals(List.of(), verifier().verify(hub.reference(), publicKey).warnings());
    }

    private ImageVerifier verifier() {
        return new ImageVerifier(store);
    }

    private Reference signatureTag(Digest signed) {
        return image.reference().withTag(signed.signatureTag());
    }

    private VerificationException refused(VerificationKey with, Problem problem) {
        var e = assertThrows(VerificationException.class, () -> verifier().verify(image.reference(), with));
        assertEquals(problem, e.problem(), e.getMessage());
        return e;
    }

    /** Signs the index and wasm manifest with {@link #key} as cosign itself would: no key-id annotation. */
    private void signLikeCosign(TinyWasmImage signed, String dockerReference) throws Exception {
        for (Digest digest : List.of(signed.index().digest(), signed.wasmManifest().digest())) {
            byte[] payload = new SimpleSigningPayload(dockerReference, digest).bytes();
            Map<String, String> annotations = Map.of(SignatureManifests.SIGNATURE, Base64.getEncoder().encodeToString(key.sign(payload)));
            signatures.write(signed.reference(), digest, List.of(new Descriptor(MediaTypes.COSIGN_SIMPLE_SIGNING,
                    store.blobs().put(payload), payload.length, null, annotations)));
        }
    }
}
