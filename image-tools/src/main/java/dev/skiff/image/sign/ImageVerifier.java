package dev.skiff.image.sign;

import dev.skiff.image.oci.Descriptor;
import dev.skiff.image.oci.Digest;
import dev.skiff.image.oci.ImageFormatException;
import dev.skiff.image.oci.MediaTypes;
import dev.skiff.image.oci.Reference;
import dev.skiff.image.sign.VerificationException.Problem;
import dev.skiff.image.store.ImageStore;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Checks the cosign signatures of an image in the local store against one public key, as
 * {@code cosign verify --key} does: the image's digest (and each wasm manifest of an index) needs
 * at least one signature whose payload names that digest and verifies with the key.
 */
public final class ImageVerifier {
    private final ImageStore store;
    private final SignatureManifests signatures;

    public ImageVerifier(ImageStore store) {
        this.store = store;
        this.signatures = new SignatureManifests(store);
    }

    /**
     * What verified. {@code warnings} name signatures made under another repository: not an error,
     * since an image keeps its digest when copied to another registry, but worth saying.
     */
    public record VerifiedImage(Reference reference, List<SignatureTarget> targets, String keyId, List<String> warnings) {}

    public VerifiedImage verify(Reference ref, VerificationKey key) throws IOException, ImageFormatException, GeneralSecurityException {
        List<SignatureTarget> targets = SignatureTarget.of(store, ref);
        Set<String> warnings = new LinkedHashSet<>();
        for (SignatureTarget target : targets) {
            SimpleSigningPayload payload = verifyTarget(ref, target, key);
            if (!sameRepository(payload.dockerReference(), ref.repositoryName())) {
                warnings.add(target + " was signed as " + payload.dockerReference() + ", not " + ref.repositoryName()
                        + " (expected when the image was copied from another registry)");
            }
        }
        return new VerifiedImage(ref, targets, key.id(), List.copyOf(warnings));
    }

    private SimpleSigningPayload verifyTarget(Reference ref, SignatureTarget target, VerificationKey key)
            throws IOException, ImageFormatException, GeneralSecurityException {
        List<Descriptor> layers = signatures.layers(ref, target.digest()).stream()
                .filter(l -> l.mediaType().equals(MediaTypes.COSIGN_SIMPLE_SIGNING))
                .toList();
        if (layers.isEmpty()) {
            throw new VerificationException(Problem.UNSIGNED,
                    target + " is not signed; run skiff sign " + ref.familiar() + " --key " + SigningKeys.PRIVATE_KEY_FILE);
        }
        List<VerificationException> failures = new ArrayList<>();
        for (Descriptor layer : layers) {
            try {
                return check(layer, target.digest(), key);
            } catch (VerificationException e) {
                failures.add(e);
            }
        }
        if (failures.size() == 1) {
            throw failures.getFirst();
        }
        Problem worst = failures.stream().map(VerificationException::problem).min(Comparator.naturalOrder()).orElseThrow();
        List<String> reasons = failures.stream().map(Exception::getMessage).toList();
        throw new VerificationException(worst, "none of the " + failures.size() + " signatures of " + target
                + " verifies with " + key.source() + ": " + String.join("; ", reasons));
    }

    /**
     * Accepts a signature layer or says what is wrong with it. The key-id annotation only chooses
     * the message (altered vs. wrong key); acceptance rests on the ECDSA check alone.
     */
    private SimpleSigningPayload check(Descriptor layer, Digest digest, VerificationKey key)
            throws IOException, ImageFormatException, GeneralSecurityException {
        byte[] bytes = signatures.payload(layer);
        SimpleSigningPayload payload;
        try {
            payload = SimpleSigningPayload.parse(bytes);
        } catch (ImageFormatException e) {
            throw new VerificationException(Problem.MALFORMED, "signature of " + digest + " is malformed: " + e.getMessage());
        }
        if (!payload.manifestDigest().equals(digest)) {
            throw new VerificationException(Problem.MOVED,
                    "signature was made for " + payload.manifestDigest() + ", not this image " + digest);
        }
        if (key.verifies(bytes, signature(layer, digest))) {
            return payload;
        }
        String signer = layer.annotation(SignatureManifests.KEY_ID);
        if (signer == null) {
            throw new VerificationException(Problem.UNVERIFIABLE,
                    "signature of " + digest + " does not verify with " + key.source() + " (wrong key or altered payload)");
        }
        if (signer.equals(key.id())) {
            throw new VerificationException(Problem.ALTERED, "signature of " + digest + ": payload was altered after signing:"
                    + " signature does not verify with the key that made it (key id " + signer + ")");
        }
        throw new VerificationException(Problem.WRONG_KEY,
                digest + " is signed by key " + signer + ", not by " + key.source() + " (" + key.id() + ")");
    }

    private static byte[] signature(Descriptor layer, Digest digest) throws VerificationException {
        String base64 = layer.annotation(SignatureManifests.SIGNATURE);
        if (base64 == null) {
            throw new VerificationException(Problem.MALFORMED,
                    "signature of " + digest + " is malformed: its layer has no " + SignatureManifests.SIGNATURE + " annotation");
        }
        try {
            return Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw new VerificationException(Problem.MALFORMED,
                    "signature of " + digest + " is malformed: " + SignatureManifests.SIGNATURE + " is not base64");
        }
    }

    /** cosign names Docker Hub index.docker.io where Skiff says docker.io: the same repository. */
    private static boolean sameRepository(String claimed, String repository) {
        return claimed.replaceFirst("^index\\.docker\\.io/", "docker.io/").equals(repository);
    }
}
