package dev.skiff.agent.pki;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;

/**
 * The SHA-256 of a public key's DER SubjectPublicKeyInfo, or its first bytes: what the CLI pins a
 * device by. Pinning the key rather than the certificate lets the same key appear first in the
 * device's self-signed bootstrap certificate and later in the one the fleet CA issued.
 */
public record KeyPin(byte[] prefix) {
    /** 128 bits: what the enrollment token carries, short enough to copy by hand yet beyond any second-preimage search. */
    public static final int SHORT_BYTES = 16;

    public KeyPin {
        if (prefix.length < SHORT_BYTES || prefix.length > 32) {
            throw new IllegalArgumentException("a key pin holds 16 to 32 bytes of a SHA-256, not " + prefix.length);
        }
        prefix = prefix.clone();
    }

    public static KeyPin of(PublicKey key) {
        return new KeyPin(sha256(key.getEncoded()));
    }

    /** The first {@link #SHORT_BYTES} only, as tokens carry it. */
    public KeyPin shortened() {
        return new KeyPin(Arrays.copyOf(prefix, SHORT_BYTES));
    }

    public boolean matches(PublicKey key) {
        return MessageDigest.isEqual(prefix, Arrays.copyOf(sha256(key.getEncoded()), prefix.length));
    }

    /** The full form, {@code sha256:HEX}, as devices.json records it. */
    @Override
    public String toString() {
        return "sha256:" + HexFormat.of().formatHex(prefix);
    }

    public static KeyPin parse(String text) {
        if (!text.startsWith("sha256:")) {
            throw new IllegalArgumentException("'" + text + "' is not a key pin (sha256:HEX)");
        }
        return new KeyPin(HexFormat.of().parseHex(text.substring("sha256:".length())));
    }

    /** The first {@link #SHORT_BYTES} in base64url (22 characters), for tokens. */
    public String shortText() {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(shortened().prefix);
    }

    public static KeyPin parseShort(String text) {
        try {
            return new KeyPin(Base64.getUrlDecoder().decode(text));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("'" + text + "' is not a key pin (base64url)");
        }
    }

    private static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof KeyPin other && Arrays.equals(prefix, other.prefix);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(prefix);
    }
}
