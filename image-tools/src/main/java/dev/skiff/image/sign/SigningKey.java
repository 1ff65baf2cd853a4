package dev.skiff.image.sign;

import java.security.GeneralSecurityException;
import java.security.Signature;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;

/** A P-256 private key with its public half, which names the key in signatures (the key id). */
public record SigningKey(ECPrivateKey privateKey, ECPublicKey publicKey) {
    public static SigningKey of(ECPrivateKey privateKey) {
        return new SigningKey(privateKey, P256.publicKeyOf(privateKey));
    }

    public String id() {
        return SigningKeys.keyId(publicKey);
    }

    /** The ASN.1 DER ECDSA signature over SHA-256 of {@code payload}, as cosign and openssl make it. */
    public byte[] sign(byte[] payload) throws GeneralSecurityException {
        Signature ecdsa = Signature.getInstance("SHA256withECDSA");
        ecdsa.initSign(privateKey);
        ecdsa.update(payload);
        return ecdsa.sign();
    }
}
