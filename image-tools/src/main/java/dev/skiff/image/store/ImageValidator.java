package dev.skiff.image.store;

import dev.skiff.image.oci.Descriptor;
import dev.skiff.image.oci.ImageFormatException;
import dev.skiff.image.oci.ImageIndex;
import dev.skiff.image.oci.ImageManifest;
import dev.skiff.image.oci.MediaTypes;
import dev.skiff.image.oci.OciJson;
import dev.skiff.image.oci.Platform;
import java.io.IOException;
import java.io.InputStream;
import java.util.Set;

/**
 * Checks a whole image before it enters the store: every blob present with the size its descriptor
 * says, manifests well-formed and under 4 MiB, wasm manifests carrying only layers Skiff can run,
 * and their tar layers free of entries that would land outside the container's root.
 */
public final class ImageValidator {
    private static final Set<String> WASM_LAYERS = Set.of(
            MediaTypes.OCI_LAYER_TAR_GZIP, MediaTypes.OCI_LAYER_TAR, MediaTypes.DOCKER_LAYER_TAR_GZIP,
            MediaTypes.WASM_LAYER, MediaTypes.SKIFF_PRECOMPILED);

    private ImageValidator() {}

    public static void validate(BlobSource blobs, Descriptor root) throws IOException, ImageFormatException {
        check(blobs, root, root.platform(), 0);
    }

    private static void check(BlobSource blobs, Descriptor d, Platform platform, int depth) throws IOException, ImageFormatException {
        if (depth > 2) {
            throw new ImageFormatException("index " + d.digest() + " nests indexes too deeply");
        }
        present(blobs, d);
        if (ImageGraph.isIndex(d)) {
            ImageIndex index = ImageGraph.index(d, blobs);
            for (Descriptor child : index.manifests()) {
                check(blobs, child, child.platform(), depth + 1);
            }
        } else if (ImageGraph.isManifest(d)) {
            ImageManifest m = ImageGraph.manifest(d, blobs);
            present(blobs, m.config());
            boolean wasm = (platform != null && platform.isWasm()) || MediaTypes.WASM_CONFIG.equals(m.config().mediaType());
            for (Descriptor layer : m.layers()) {
                present(blobs, layer);
                if (wasm && !WASM_LAYERS.contains(layer.mediaType())) {
                    throw new ImageFormatException("manifest " + d.digest() + ": layer " + layer.digest() + " has media type "
                            + layer.mediaType() + ", but a wasm image needs " + MediaTypes.OCI_LAYER_TAR_GZIP + " or " + MediaTypes.WASM_LAYER);
                }
                if (wasm && MediaTypes.TAR_LAYERS.contains(layer.mediaType())) {
                    try (InputStream in = blobs.open(layer.digest())) {
                        LayerTar.scan(in, layer.mediaType(), "layer " + layer.digest());
                    }
                }
            }
        } else {
            throw new ImageFormatException(d.digest() + ": media type " + d.mediaType() + " is neither an image index nor a manifest");
        }
    }

    private static void present(BlobSource blobs, Descriptor d) throws IOException, ImageFormatException {
        if (!blobs.has(d.digest())) {
            throw new ImageFormatException("blob " + d.digest() + " (" + d.mediaType() + ") is missing");
        }
        long size = blobs.size(d.digest());
        if (size != d.size()) {
            throw new ImageFormatException("blob " + d.digest() + " has " + size + " bytes, but its descriptor says " + d.size());
        }
        if ((ImageGraph.isIndex(d) || ImageGraph.isManifest(d)) && size > OciJson.MAX_MANIFEST_BYTES) {
            throw new ImageFormatException("manifest " + d.digest() + " is " + size + " bytes, over the 4 MiB limit for manifests");
        }
    }
}
