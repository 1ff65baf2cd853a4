package dev.skiff.image.layout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.skiff.image.AppImage;
import dev.skiff.image.TestApps;
import dev.skiff.image.build.BuildRequest;
import dev.skiff.image.build.BuildResult;
import dev.skiff.image.oci.Descriptor;
import dev.skiff.image.oci.Digest;
import dev.skiff.image.oci.ImageFormatException;
import dev.skiff.image.oci.ImageIndex;
import dev.skiff.image.oci.ImageManifest;
import dev.skiff.image.oci.MediaTypes;
import dev.skiff.image.oci.OciJson;
import dev.skiff.image.oci.Platform;
import dev.skiff.image.oci.Reference;
import dev.skiff.image.progress.ProgressListener;
import dev.skiff.image.store.ImageStore;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OciLayoutArchiveTest {
    private static final Reference NAME = Reference.parse("evil:1");
    @TempDir Path tmp;
    ImageStore store;
    Map<String, String> before;

    @BeforeEach
    void storeWithAnImage() throws Exception {
        store = ImageStore.open(tmp.resolve("store"));
        TestApps.build(store, BuildRequest.of(TestApps.example("hello")));
        before = TestApps.snapshot(store);
    }

    @Test
    void saveThenLoadIntoAnotherStoreKeepsTheDigest() throws Exception {
        BuildResult built = TestApps.build(store, BuildRequest.of(TestApps.example("sleeper")));
        Path tar = tmp.resolve("images.tar");
        OciLayoutArchive.save(store, List.of(built.reference()), tar, ProgressListener.NONE);
        ImageStore other = ImageStore.open(tmp.resolve("other"));
        assertEquals(List.of(built.reference()), OciLayoutArchive.load(other, tar, null, ProgressListener.NONE));
        assertEquals(built.index(), other.resolve(built.reference()).orElseThrow());
        assertEquals(1, other.list().size());
    }

    /** A layout whose only image is a wasm manifest with the given layer, listed as wasi/wasm. */
    private Map<String, byte[]> layoutWith(byte[] layer, String layerType, Map<String, String> annotations) {
        Map<String, byte[]> files = new LinkedHashMap<>();
        byte[] config = "{\"architecture\":\"wasm\",\"os\":\"wasip1\",\"config\":{\"Entrypoint\":[\"/app.wasm\"]}}".getBytes();
        Descriptor configD = Descriptor.of(MediaTypes.OCI_CONFIG, config);
        Descriptor layerD = Descriptor.of(layerType, layer);
        byte[] manifest = OciJson.write(new ImageManifest(MediaTypes.OCI_MANIFEST, null, configD, List.of(layerD), annotations));
        Descriptor manifestD = Descriptor.of(MediaTypes.OCI_MANIFEST, manifest).withPlatform(Platform.WASI);
        byte[] index = OciJson.write(new ImageIndex(MediaTypes.OCI_INDEX, List.of(manifestD), Map.of()));
        Descriptor indexD = Descriptor.of(MediaTypes.OCI_INDEX, index).withAnnotations(Map.of(ImageStore.REF_NAME, NAME.toString()));
        files.put("oci-layout", "{\"imageLayoutVersion\":\"1.0.0\"}".getBytes());
        files.put("index.json", OciJson.write(new ImageIndex(MediaTypes.OCI_INDEX, List.of(indexD), Map.of())));
        for (byte[] blob : List.of(config, layer, manifest, index)) {
            files.put("blobs/sha256/" + Digest.of(blob).hex(), blob);
        }
        return files;
    }

    private Map<String, byte[]> goodLayout() throws IOException {
        return layoutWith(layerTar("app.wasm"), MediaTypes.OCI_LAYER_TAR_GZIP, Map.of());
    }

    private static byte[] layerTar(String entryName) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(new GZIPOutputStream(bytes))) {
            byte[] wasm = Files.readAllBytes(TestApps.example("hello").resolve("hello.wasm"));
            TarArchiveEntry e = new TarArchiveEntry(entryName, true);
            e.setSize(wasm.length);
            tar.putArchiveEntry(e);
            tar.write(wasm);
            tar.closeArchiveEntry();
        }
        return bytes.toByteArray();
    }

    private Path tar(Map<String, byte[]> files) throws IOException {
        Path file = tmp.resolve("layout-" + System.nanoTime() + ".tar");
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(Files.newOutputStream(file))) {
            tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            for (var f : files.entrySet()) {
                TarArchiveEntry e = new TarArchiveEntry(f.getKey(), true);
                e.setSize(f.getValue().length);
                tar.putArchiveEntry(e);
                tar.write(f.getValue());
                tar.closeArchiveEntry();
            }
        }
        return file;
    }

    /** Loads the layout, expects a refusal mentioning {@code expected}, and checks the store is untouched. */
    private void refused(Map<String, byte[]> files, String expected) throws Exception {
        Path tar = tar(files);
        ImageFormatException e = assertThrows(ImageFormatException.class, () -> OciLayoutArchive.load(store, tar, null, ProgressListener.NONE));
        assertTrue(e.getMessage().contains(expected), e.getMessage());
        assertEquals(before, TestApps.snapshot(store));
    }

    @Test
    void aWellFormedForeignLayoutLoadsAndRuns() throws Exception {
        Path tar = tar(goodLayout());
        assertEquals(List.of(NAME), OciLayoutArchive.load(store, tar, null, ProgressListener.NONE));
        AppImage image = AppImage.open(store.source(), store.resolve(NAME).orElseThrow());
        assertEquals(List.of("/app.wasm"), image.argv());
    }

    @Test
    void malformedManifestJson() throws Exception {
        Map<String, byte[]> files = goodLayout();
        byte[] broken = "{\"schemaVersion\":2,\"manifests\":[".getBytes(StandardCharsets.UTF_8);
        Descriptor d = Descriptor.of(MediaTypes.OCI_INDEX, broken).withAnnotations(Map.of(ImageStore.REF_NAME, NAME.toString()));
        files.put("blobs/sha256/" + d.digest().hex(), broken);
        files.put("index.json", OciJson.write(new ImageIndex(MediaTypes.OCI_INDEX, List.of(d), Map.of())));
        refused(files, "malformed JSON in index " + d.digest() + " at line 1");
    }

    @Test
    void blobWhoseContentDoesNotMatchItsDigest() throws Exception {
        Map<String, byte[]> files = goodLayout();
        String layerName = files.keySet().stream().filter(n -> n.startsWith("blobs/")).skip(1).findFirst().orElseThrow();
        byte[] tampered = files.get(layerName).clone();
        tampered[tampered.length / 2] ^= 1;
        files.put(layerName, tampered);
        refused(files, "content does not match its digest");
    }

    @Test
    void tarEntriesClimbingOutOrAbsolute() throws Exception {
        Map<String, byte[]> climbing = goodLayout();
        climbing.put("blobs/../../etc/evil", new byte[] {1});
        refused(climbing, "climbs out of the root with ..");
        Map<String, byte[]> absolute = goodLayout();
        absolute.put("/etc/evil", new byte[] {1});
        refused(absolute, "has an absolute path");
        refused(layoutWith(layerTar("../app.wasm"), MediaTypes.OCI_LAYER_TAR_GZIP, Map.of()), "climbs out of the root with ..");
        refused(layoutWith(layerTar("/app.wasm"), MediaTypes.OCI_LAYER_TAR_GZIP, Map.of()), "has an absolute path");
    }

    @Test
    void manifestOverFourMiB() throws Exception {
        refused(layoutWith(layerTar("app.wasm"), MediaTypes.OCI_LAYER_TAR_GZIP, Map.of("padding", "x".repeat(5 << 20))),
                "over the 4 MiB limit for manifests");
    }

    @Test
    void unknownMediaTypeWhereAWasmLayerIsRequired() throws Exception {
        refused(layoutWith(layerTar("app.wasm"), "application/x-mystery", Map.of()),
                "has media type application/x-mystery, but a wasm image needs");
    }

    @Test
    void layoutNamingImagesOnlyByTagNeedsAName() throws Exception {
        Map<String, byte[]> files = goodLayout();
        files.put("index.json", new String(files.get("index.json")).replace(NAME.toString(), "1.0").getBytes());
        refused(files, "named only by tag \"1.0\"; give a name with --tag");
        Path tar = tar(files);
        assertEquals(List.of(Reference.parse("other:1.0")),
                OciLayoutArchive.load(store, tar, Reference.parse("other").withTag(null), ProgressListener.NONE));
    }
}
