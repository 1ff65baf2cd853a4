package dev.skiff.agent.enroll;

import dev.skiff.agent.pki.KeyPin;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * The one-time enrollment token {@code SECRET.PIN} the agent prints at its first start. SECRET
 * (128 random bits) proves to the device that the operator may enroll it; PIN (the first 128
 * bits of the SHA-256 of the device's public key) tells the operator's CLI which server to
 * trust before any CA is shared. One string to copy, so pinning cannot be forgotten.
 */
public record EnrollmentToken(String secret, KeyPin pin) {
    private static final SecureRandom RANDOM = new SecureRandom();

    public static EnrollmentToken generate(PublicKey deviceKey) {
        byte[] secret = new byte[16];
        RANDOM.nextBytes(secret);
        // hex, so a token never starts with "-" and reads as an option on a command line
        return new EnrollmentToken(HexFormat.of().formatHex(secret), KeyPin.of(deviceKey).shortened());
    }

    /** @throws IllegalArgumentException when the text is not {@code SECRET.PIN} */
    public static EnrollmentToken parse(String text) {
        int dot = text.indexOf('.');
        try {
            if (dot > 0) {
                return new EnrollmentToken(text.substring(0, dot), KeyPin.parseShort(text.substring(dot + 1)));
            }
        } catch (IllegalArgumentException badPin) {
            // said below, the same way as a missing one
        }
        throw new IllegalArgumentException("'" + text + "' is not an enrollment token (SECRET.PIN, as the agent printed it)");
    }

    @Override
    public String toString() {
        return secret + "." + pin.shortText();
    }
}
