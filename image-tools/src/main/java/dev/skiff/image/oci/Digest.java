package dev.skiff.image.oci;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/** A content digest, {@code sha256:<64 hex>}; the only algorithm OCI registries require. */
public record Digest(String hex) implements Comparable<Digest> {
    private static final Pattern HEX = Pattern.compile("[0-9a-f]{64}");

    public Digest {
        if (!HEX.matcher(hex).matches()) {
            throw new IllegalArgumentException("not a sha256 digest: " + hex);
        }
    }

    /** Parses {@code sha256:<hex>}; throws {@link ImageFormatException} naming what is wrong. */
    public static Digest parse(String text) throws ImageFormatException {
        if (text == null || !text.startsWith("sha256:") || !HEX.matcher(text.substring(7)).matches()) {
            throw new ImageFormatException("invalid digest \"" + text + "\" (expected sha256: and 64 lowercase hex digits)");
        }
        return new Digest(text.substring(7));
    }

    public static Digest of(byte[] content) {
        return new Digest(HexFormat.of().formatHex(sha256().digest(content)));
    }

    public static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    /** The first 12 hex digits, as image listings show them. */
    public String shortHex() {
        return hex.substring(0, 12);
    }

    /** The tag cosign stores a signature under: {@code sha256-<hex>.sig}. */
    public String signatureTag() {
        return "sha256-" + hex + ".sig";
    }

    @Override
    public int compareTo(Digest other) {
        return hex.compareTo(other.hex);
    }

    @Override
    public String toString() {
        return "sha256:" + hex;
    }
}
