package dev.skiff.runtime;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Content digests in the OCI form {@code sha256:<hex>}. */
public final class Digests {
    private Digests() {}

    public static String sha256(byte[] data) {
        return "sha256:" + HexFormat.of().formatHex(sha256Bytes(data));
    }

    public static byte[] sha256Bytes(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
