package dev.skiff.image.build;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.skiff.image.AppImage;
import dev.skiff.image.Annotations;
import dev.skiff.image.TestApps;
import dev.skiff.image.oci.Descriptor;
import dev.skiff.image.oci.ImageConfig;
import dev.skiff.image.oci.ImageIndex;
import dev.skiff.image.oci.ImageManifest;
import dev.skiff.image.oci.MediaTypes;
import dev.skiff.image.oci.OciJson;
import dev.skiff.image.oci.Platform;
import dev.skiff.image.oci.Reference;
import dev.skiff.image.store.ImageGraph;
import dev.skiff.image.store.ImageStore;
import dev.skiff.image.store.ImageValidator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageBuilderTest {
    @TempDir Path tmp;

    @Test
    void sameInputsGiveTheSameDigestInAnyStore() throws Exception {
        BuildResult a = TestApps.build(ImageStore.open(tmp.resolve("a")), BuildRequest.of(TestApps.example("hello")));
        BuildResult b = TestApps.build(ImageStore.open(tmp.resolve("b")), BuildRequest.of(TestApps.helloCopy(tmp)));
        assertEquals(a.index().digest(), b.index().digest());
        BuildRequest precompiled = new BuildRequest(TestApps.example("hello"), null, false, List.of(), true);
        assertEquals(TestApps.build(ImageStore.open(tmp.resolve("c")), precompiled).index().digest(),
                TestApps.build(ImageStore.open(tmp.resolve("d")), precompiled).index().digest());
    }

    @Test
    void changedInputsChangeTheDigest() throws Exception {
        ImageStore store = ImageStore.open(tmp.resolve("s"));
        Path app = TestApps.helloCopy(tmp);
        BuildResult before = TestApps.build(store, BuildRequest.of(app));
        Files.writeString(app.resolve("skiff.yaml"), Files.readString(app.resolve("skiff.yaml")).replace("1.0.0", "1.0.1"));
        BuildResult after = TestApps.build(store, BuildRequest.of(app));
        assertTrue(!before.index().digest().equals(after.index().digest()));
        assertEquals(Reference.parse("hello:1.0.1"), after.reference());
    }

    @Test
    void defaultLayoutIsTheRunwasiLayoutListedForBothWasmPlatforms() throws Exception {
        ImageStore store = ImageStore.open(tmp);
        BuildResult r = TestApps.build(store, BuildRequest.of(TestApps.example("hello")));
        ImageIndex index = ImageGraph.index(r.index(), store.source());
        assertEquals(List.of(Platform.WASI, Platform.WASIP1), index.manifests().stream().map(Descriptor::platform).toList());
        assertEquals(1, index.manifests().stream().map(Descriptor::digest).distinct().count());

        ImageManifest m = ImageGraph.manifest(r.wasmManifest(), store.source());
        assertEquals(MediaTypes.OCI_CONFIG, m.config().mediaType());
        assertEquals(List.of(MediaTypes.OCI_LAYER_TAR_GZIP), m.layers().stream().map(Descriptor::mediaType).toList());
        assertTrue(m.annotations().get(Annotations.MANIFEST).contains("\"name\":\"hello\""));
        ImageConfig config = OciJson.parseConfig(store.blobs().read(m.config().digest(), 1 << 20), "config");
        assertEquals("wasip1", config.os());
        assertEquals("wasm", config.architecture());
        assertEquals(List.of("/app.wasm"), config.entrypoint());

        AppImage image = AppImage.open(store.source(), r.index());
        assertArrayEquals(Files.readAllBytes(TestApps.example("hello").resolve("hello.wasm")), image.wasm());
        assertEquals(List.of("/app.wasm", "world"), image.argv());
        ImageValidator.validate(store.source(), r.index());
    }

    @Test
    void artifactFormHasTheWasmConfigAndARawModuleLayer() throws Exception {
        ImageStore store = ImageStore.open(tmp);
        BuildResult r = TestApps.build(store, new BuildRequest(TestApps.example("hello"), Reference.parse("hello:artifact"), true, List.of(), false));
        ImageManifest m = ImageGraph.manifest(r.wasmManifest(), store.source());
        assertEquals(MediaTypes.WASM_CONFIG, m.config().mediaType());
        assertEquals(MediaTypes.WASM_LAYER, m.layers().getFirst().mediaType());
        String config = new String(store.blobs().read(m.config().digest(), 1 << 20));
        assertEquals("{\"created\":\"1970-01-01T00:00:00Z\",\"architecture\":\"wasm\",\"os\":\"wasip1\",\"layerDigests\":[\""
                + m.layers().getFirst().digest() + "\"],\"component\":null}", config);
        assertArrayEquals(Files.readAllBytes(TestApps.example("hello").resolve("hello.wasm")), AppImage.open(store.source(), r.index()).wasm());
    }

    @Test
    void nativeFallbacksAndPrecompiledLayerJoinTheIndex() throws Exception {
        ImageStore store = ImageStore.open(tmp);
        Path binary = Files.write(tmp.resolve("app-arm64"), new byte[] {0x7f, 'E', 'L', 'F'});
        BuildResult r = TestApps.build(store, new BuildRequest(TestApps.example("hello"), null, false,
                List.of(NativeBinary.parse("linux/arm/v7=" + binary)), true));
        ImageIndex index = ImageGraph.index(r.index(), store.source());
        assertEquals(new Platform("linux", "arm", "v7"), index.manifests().get(2).platform());
        ImageManifest m = ImageGraph.manifest(r.wasmManifest(), store.source());
        Descriptor precompiled = m.layers().get(1);
        assertEquals(MediaTypes.SKIFF_PRECOMPILED, precompiled.mediaType());
        assertEquals(TestApps.SANDBOX.engineVersion(), precompiled.annotation(Annotations.COMPILER));
        AppImage image = AppImage.open(store.source(), r.index());
        assertEquals(TestApps.SANDBOX.engineVersion(), image.precompiled().engineVersion());
        ImageValidator.validate(store.source(), r.index());
    }
}
