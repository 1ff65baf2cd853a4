package dev.skiff.image.sign;

import java.security.spec.InvalidKeySpecException;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** One PEM block (RFC 7468): a label such as {@code PUBLIC KEY} and the DER bytes it wraps. */
record Pem(String label, byte[] der) {
    private static final Pattern BLOCK = Pattern.compile(
            "-----BEGIN ([A-Z0-9 ]+)-----(.*?)-----END ([A-Z0-9 ]+)-----", Pattern.DOTALL);

    /** The first PEM block in {@code text}; {@code what} names the file in errors. */
    static Pem parse(String text, String what) throws InvalidKeySpecException {
        Matcher m = BLOCK.matcher(text);
        if (!m.find()) {
            throw new InvalidKeySpecException(what + " is not a PEM file (no -----BEGIN ...----- block)");
        }
        if (!m.group(1).equals(m.group(3))) {
            throw new InvalidKeySpecException(what + ": PEM block begins as " + m.group(1) + " but ends as " + m.group(3));
        }
        try {
            // Strict decoding after removing line breaks: the MIME decoder would skip stray characters silently.
            return new Pem(m.group(1), Base64.getDecoder().decode(m.group(2).replaceAll("\\s", "")));
        } catch (IllegalArgumentException e) {
            throw new InvalidKeySpecException(what + ": the " + m.group(1) + " block is not plain base64"
                    + " (PEM headers such as Proc-Type, of openssl's legacy encryption, are not supported)");
        }
    }

    /** The block with 64-character lines, as openssl writes it. */
    String encode() {
        String body = Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der);
        return "-----BEGIN " + label + "-----\n" + body + "\n-----END " + label + "-----\n";
    }
}
