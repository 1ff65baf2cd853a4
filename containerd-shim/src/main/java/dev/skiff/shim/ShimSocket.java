package dev.skiff.shim;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Where a shim daemon listens: {@code /run/containerd/s/<sha256>}, like containerd's own shims,
 * hashed from containerd's address, the namespace and the group (the pod's sandbox id, or the
 * container's id). Tasks of one pod therefore find the same daemon, and two containerds on one
 * machine never share one.
 */
final class ShimSocket {
    static final Path DIR = Path.of("/run/containerd/s");

    private ShimSocket() {}

    static Path of(String containerdAddress, String namespace, String group) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256")
                    .digest((containerdAddress + "/" + namespace + "/" + group).getBytes(StandardCharsets.UTF_8));
            return DIR.resolve(HexFormat.of().formatHex(hash));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    /** The form containerd reads from a shim's {@code start} and from a bundle's {@code address} file. */
    static String address(Path socket) {
        return "unix://" + socket;
    }
}
