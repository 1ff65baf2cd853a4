package dev.skiff.it;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * An image assembled without Skiff, the way other tools lay one out: a gzipped tar layer with
 * {@code /app.wasm} made by the {@code tar} command, and a config, manifest and OCI layout written by
 * hand. Shows that Skiff runs images it did not build.
 */
final class ForeignImage {
    private ForeignImage() {}

    /** Writes an OCI layout to {@code dir} whose single image is tagged {@code tag}; returns the layout dir. */
    static Path layout(Path dir, String tag, String cmdArg) throws IOException, InterruptedException {
        Path rootfs = Files.createDirectories(dir.resolve("rootfs"));
        Files.copy(Skiff.ROOT.resolve(Skiff.example("hello")), rootfs.resolve("app.wasm"));
        Path layerFile = dir.resolve("layer.tar.gz");
        Path tarFile = dir.resolve("layer.tar");
        run(dir, "tar", "-C", rootfs.toString(), "-cf", tarFile.toString(), "app.wasm");
        byte[] tar = Files.readAllBytes(tarFile);
        run(dir, "gzip", "-kn", tarFile.toString());
        byte[] layer = Files.readAllBytes(layerFile);

        byte[] config = ("{\"architecture\":\"wasm\",\"os\":\"wasip1\",\"config\":{\"Entrypoint\":[\"/app.wasm\"],\"Cmd\":[\"" + cmdArg
                + "\"]},\"rootfs\":{\"type\":\"layers\",\"diff_ids\":[\"" + digest(tar) + "\"]}}").getBytes(StandardCharsets.UTF_8);
        byte[] manifest = ("{\"schemaVersion\":2,\"mediaType\":\"application/vnd.oci.image.manifest.v1+json\","
                + "\"config\":{\"mediaType\":\"application/vnd.oci.image.config.v1+json\",\"digest\":\"" + digest(config) + "\",\"size\":" + config.length + "},"
                + "\"layers\":[{\"mediaType\":\"application/vnd.oci.image.layer.v1.tar+gzip\",\"digest\":\"" + digest(layer) + "\",\"size\":" + layer.length + "}]}")
                .getBytes(StandardCharsets.UTF_8);
        Path layout = Files.createDirectories(dir.resolve("layout"));
        Path blobs = Files.createDirectories(layout.resolve("blobs/sha256"));
        for (byte[] blob : new byte[][] {layer, config, manifest}) {
            Files.write(blobs.resolve(digest(blob).substring(7)), blob);
        }
        Files.writeString(layout.resolve("oci-layout"), "{\"imageLayoutVersion\":\"1.0.0\"}");
        Files.writeString(layout.resolve("index.json"), "{\"schemaVersion\":2,\"manifests\":[{\"mediaType\":\"application/vnd.oci.image.manifest.v1+json\","
                + "\"digest\":\"" + digest(manifest) + "\",\"size\":" + manifest.length + ",\"annotations\":{\"org.opencontainers.image.ref.name\":\"" + tag + "\"}}]}");
        return layout;
    }

    static void run(Path dir, String... command) throws IOException, InterruptedException {
        ExternalProcess.Result r = ExternalProcess.run(dir, java.util.List.of(command));
        if (r.exitCode() != 0) {
            throw new AssertionError(String.join(" ", command) + " failed:\n" + r.output());
        }
    }

    static String digest(byte[] content) {
        try {
            return "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
