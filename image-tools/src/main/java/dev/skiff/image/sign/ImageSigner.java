package dev.skiff.image.sign;

import dev.skiff.image.oci.Descriptor;
import dev.skiff.image.oci.Digest;
import dev.skiff.image.oci.ImageFormatException;
import dev.skiff.image.oci.MediaTypes;
import dev.skiff.image.oci.Reference;
import dev.skiff.image.store.ImageStore;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * Signs images in the local store the way {@code cosign sign --key} does (DESIGN §3.3). A digest
 * may carry signatures of several keys: a new key's signature is appended, and signing again
 * with the same key replaces that key's earlier signature.
 */
public final class ImageSigner {
    private final ImageStore store;
    private final SignatureManifests signatures;

    public ImageSigner(ImageStore store) {
        this.store = store;
        this.signatures = new SignatureManifests(store);
    }

    /** What signing stored. */
    public record SignedImage(Reference reference, List<SignatureTarget> targets, String keyId) {}

    public SignedImage sign(Reference ref, SigningKey key) throws IOException, ImageFormatException, GeneralSecurityException {
        List<SignatureTarget> targets = SignatureTarget.of(store, ref);
        for (SignatureTarget target : targets) {
            Descriptor signature = signatureLayer(ref, target.digest(), key);
            // read, add, write back under the store's lock, so a concurrent signer's signature is kept
            store.locked(() -> {
                List<Descriptor> layers = new ArrayList<>();
                for (Descriptor existing : signatures.layers(ref, target.digest())) {
                    if (!key.id().equals(existing.annotation(SignatureManifests.KEY_ID))) {
                        layers.add(existing);
                    }
                }
                layers.add(signature);
                signatures.write(ref, target.digest(), layers);
                return null;
            });
        }
        return new SignedImage(ref, targets, key.id());
    }

    private Descriptor signatureLayer(Reference ref, Digest digest, SigningKey key) throws IOException, GeneralSecurityException {
        byte[] payload = new SimpleSigningPayload(ref.repositoryName(), digest).bytes();
        String signature = Base64.getEncoder().encodeToString(key.sign(payload));
        return new Descriptor(MediaTypes.COSIGN_SIMPLE_SIGNING, store.blobs().put(payload), payload.length, null,
                Map.of(SignatureManifests.SIGNATURE, signature, SignatureManifests.KEY_ID, key.id()));
    }
}
