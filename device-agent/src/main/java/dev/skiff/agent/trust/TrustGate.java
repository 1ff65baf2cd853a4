package dev.skiff.agent.trust;

import dev.skiff.agent.trust.TrustVerdict.Decision;
import dev.skiff.image.oci.ImageFormatException;
import dev.skiff.image.oci.Reference;
import dev.skiff.image.sign.ImageVerifier;
import dev.skiff.image.sign.ImageVerifier.VerifiedImage;
import dev.skiff.image.sign.VerificationException;
import dev.skiff.image.sign.VerificationKey;
import dev.skiff.image.store.ImageStore;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Applies the trust policy to an image of the agent's store, before the deploy admits it: the
 * image (its index and each wasm manifest) must verify with at least one key of the rule that
 * covers it. Signatures are looked up in the repository the image was delivered under, where
 * cosign keeps them.
 */
public final class TrustGate {
    private final ImageVerifier verifier;
    private final TrustPolicy policy;

    public TrustGate(ImageStore store, TrustPolicy policy) {
        this.verifier = new ImageVerifier(store);
        this.policy = policy;
    }

    public TrustVerdict check(Reference image) {
        TrustRule rule = policy.ruleFor(image);
        if (rule.mode() == TrustMode.ALLOW) {
            return new TrustVerdict(Decision.ALLOWED, rule, image.familiar() + " not verified: " + rule + " allows unsigned images");
        }
        String failure;
        if (rule.keys().isEmpty()) {
            failure = rule + " trusts no key yet; name the public key files under trust: keys in the agent's config";
        } else {
            // a set: "not signed" reads the same for every key, and is said once
            Set<String> failures = new LinkedHashSet<>();
            for (VerificationKey key : rule.keys()) {
                try {
                    VerifiedImage verified = verifier.verify(image, key);
                    String warnings = verified.warnings().isEmpty() ? "" : " (" + String.join("; ", verified.warnings()) + ")";
                    return new TrustVerdict(Decision.VERIFIED, rule, image.familiar() + " verified with " + key.source() + " by " + rule + warnings);
                } catch (VerificationException e) {
                    failures.add(e.getMessage());
                } catch (IOException | ImageFormatException | GeneralSecurityException | IllegalArgumentException e) {
                    failures.add("cannot check the signatures of " + image.familiar() + ": " + e.getMessage());
                }
            }
            failure = failures.size() == 1 ? failures.iterator().next()
                    : "none of the " + failures.size() + " keys of " + rule + " verifies " + image.familiar() + ": " + String.join("; ", failures);
        }
        return rule.mode() == TrustMode.REJECT_UNSIGNED
                ? new TrustVerdict(Decision.REFUSED, rule, "refused by " + rule + ": " + failure)
                : new TrustVerdict(Decision.WARNED, rule, "not verified, deployed anyway under " + rule + ": " + failure);
    }
}
