package dev.skiff.image.sign;

import java.security.GeneralSecurityException;
import java.security.Signature;
import java.security.SignatureException;
import java.security.interfaces.ECPublicKey;

/** A P-256 public key and where it came from ({@code source}, e.g. the file name), for messages. */
public record VerificationKey(String source, ECPublicKey key) {
    public String id() {
        return SigningKeys.keyId(key);
    }

    /** True when {@code derSignature} is this key's ECDSA signature over SHA-256 of {@code payload}. */
    public boolean verifies(byte[] payload, byte[] derSignature) throws GeneralSecurityException {
        Signature ecdsa = Signature.getInstance("SHA256withECDSA");
        ecdsa.initVerify(key);
        ecdsa.update(payload);
        try {
            return ecdsa.verify(derSignature);
        } catch (SignatureException e) {
            return false; // not even DER: no key made this signature
        }
    }
}
