package dev.skiff.image.sign;

import dev.skiff.image.oci.Descriptor;
import dev.skiff.image.oci.ImageIndex;
import dev.skiff.image.oci.ImageManifest;
import dev.skiff.image.oci.MediaTypes;
import dev.skiff.image.oci.OciJson;
import dev.skiff.image.oci.Platform;
import dev.skiff.image.oci.Reference;
import dev.skiff.image.store.BlobStore;
import dev.skiff.image.store.ImageStore;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * A small multi-platform image written straight into a store, for tests that need one before
 * {@code skiff build} exists: an index listing one wasm manifest twice (wasi/wasm, wasip1/wasm)
 * and a native linux/amd64 manifest beside it. {@code flavour} goes into the configs, so
 * different flavours give different digests.
 */
public record TinyWasmImage(Reference reference, Descriptor index, Descriptor wasmManifest, Descriptor nativeManifest) {
    /** An empty but valid wasm module: magic and version. */
    private static final byte[] MODULE = {0, 'a', 's', 'm', 1, 0, 0, 0};

    public static TinyWasmImage tag(ImageStore store, String reference, String flavour) throws IOException {
        BlobStore blobs = store.blobs();
        Descriptor wasm = manifest(blobs, "wasip1", "wasm", flavour);
        Descriptor nativeImage = manifest(blobs, "linux", "amd64", flavour);
        byte[] index = OciJson.write(new ImageIndex(MediaTypes.OCI_INDEX, List.of(
                wasm.withPlatform(Platform.WASI), wasm.withPlatform(Platform.WASIP1),
                nativeImage.withPlatform(new Platform("linux", "amd64", null))), null));
        blobs.put(index);
        Reference ref = Reference.parse(reference);
        Descriptor indexDescriptor = Descriptor.of(MediaTypes.OCI_INDEX, index);
        store.tag(ref, indexDescriptor);
        return new TinyWasmImage(ref, indexDescriptor, wasm, nativeImage);
    }

    private static Descriptor manifest(BlobStore blobs, String os, String architecture, String flavour) throws IOException {
        byte[] config = ("{\"architecture\":\"" + architecture + "\",\"os\":\"" + os + "\",\"config\":{\"Labels\":{\"flavour\":\""
                + flavour + "\"}}}").getBytes(StandardCharsets.UTF_8);
        blobs.put(config);
        blobs.put(MODULE);
        byte[] manifest = OciJson.write(new ImageManifest(MediaTypes.OCI_MANIFEST, null,
                Descriptor.of(MediaTypes.OCI_CONFIG, config), List.of(Descriptor.of(MediaTypes.WASM_LAYER, MODULE)), null));
        blobs.put(manifest);
        return Descriptor.of(MediaTypes.OCI_MANIFEST, manifest);
    }
}
