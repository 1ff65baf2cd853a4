package dev.skiff.it;

import dev.skiff.image.oci.Descriptor;
import dev.skiff.image.oci.Digest;
import dev.skiff.image.oci.ImageIndex;
import dev.skiff.image.oci.ImageManifest;
import dev.skiff.image.oci.MediaTypes;
import dev.skiff.image.oci.OciJson;
import dev.skiff.image.oci.Platform;
import dev.skiff.image.oci.Reference;
import dev.skiff.image.store.ImageStore;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

/**
 * A wasm image in the default layout of DESIGN §3.2 with a layer of random bytes, put straight into
 * a skiff home's store, for tests that need big or unique layers: one tar+gzip layer with {@code /app.wasm} (examples/hello)
 * and {@code /data.bin} of random bytes, config {@code wasip1/wasm} with Entrypoint
 * {@code ["/app.wasm"]}, and an index listing the manifest as {@code wasi/wasm} and {@code wasip1/wasm}.
 */
final class WasmImage {
    /** What was stored: the index that the reference names, and the one big blob, the layer. */
    record Stored(Digest index, Digest layer) {}

    private WasmImage() {}

    /** Stores a fresh image; its random data makes every layer unique. */
    static Stored store(Path skiffHome, String reference, int dataBytes) throws IOException {
        byte[] data = new byte[dataBytes];
        new SecureRandom().nextBytes(data);
        byte[] tar = tar(Map.of("app.wasm", Files.readAllBytes(Skiff.ROOT.resolve(Skiff.example("hello"))), "data.bin", data));
        byte[] layer = gzip(tar);
        byte[] config = ("{\"architecture\":\"wasm\",\"os\":\"wasip1\",\"config\":{\"Entrypoint\":[\"/app.wasm\"]},"
                + "\"rootfs\":{\"type\":\"layers\",\"diff_ids\":[\"" + Digest.of(tar) + "\"]}}").getBytes(StandardCharsets.UTF_8);
        byte[] manifest = OciJson.write(new ImageManifest(MediaTypes.OCI_MANIFEST, null, Descriptor.of(MediaTypes.OCI_CONFIG, config),
                List.of(Descriptor.of(MediaTypes.OCI_LAYER_TAR_GZIP, layer)), Map.of()));
        Descriptor wasm = Descriptor.of(MediaTypes.OCI_MANIFEST, manifest);
        byte[] index = OciJson.write(new ImageIndex(MediaTypes.OCI_INDEX,
                List.of(wasm.withPlatform(Platform.WASI), wasm.withPlatform(Platform.WASIP1)), Map.of()));

        ImageStore store = ImageStore.open(skiffHome.resolve("images"));
        for (byte[] blob : List.of(layer, config, manifest, index)) {
            store.blobs().put(blob);
        }
        Descriptor root = Descriptor.of(MediaTypes.OCI_INDEX, index);
        store.tag(Reference.parse(reference), root);
        return new Stored(root.digest(), Digest.of(layer));
    }

    private static byte[] tar(Map<String, byte[]> files) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(bytes)) {
            for (String name : files.keySet().stream().sorted().toList()) {
                TarArchiveEntry entry = new TarArchiveEntry(name);
                entry.setSize(files.get(name).length);
                entry.setMode(0644);
                tar.putArchiveEntry(entry);
                tar.write(files.get(name));
                tar.closeArchiveEntry();
            }
        }
        return bytes.toByteArray();
    }

    private static byte[] gzip(byte[] content) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(bytes)) {
            gz.write(content);
        }
        return bytes.toByteArray();
    }
}
