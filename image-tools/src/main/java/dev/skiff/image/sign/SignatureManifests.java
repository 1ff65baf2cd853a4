package dev.skiff.image.sign;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.skiff.image.oci.Descriptor;
import dev.skiff.image.oci.Digest;
import dev.skiff.image.oci.ImageFormatException;
import dev.skiff.image.oci.ImageManifest;
import dev.skiff.image.oci.MediaTypes;
import dev.skiff.image.oci.OciJson;
import dev.skiff.image.oci.Reference;
import dev.skiff.image.store.ImageGraph;
import dev.skiff.image.store.ImageStore;
import java.io.IOException;
import java.util.List;
import java.util.Optional;

/**
 * Cosign's storage of signatures: for each signed digest, a manifest tagged
 * {@code <repo>:sha256-<hex>.sig} in the image's repository, with one simple-signing layer per
 * signature. Pushing and pulling carry these tags like any other, so signatures travel with images.
 */
final class SignatureManifests {
    /** The base64 DER ECDSA signature of a layer's payload. */
    static final String SIGNATURE = "dev.cosignproject.cosign/signature";
    /** Which key signed, so verify can tell a wrong key from an altered payload; cosign ignores it. */
    static final String KEY_ID = "dev.skiff.key-id";

    /** go-containerregistry's zero time, which cosign's signature configs carry. */
    private static final String ZERO_TIME = "0001-01-01T00:00:00Z";

    private final ImageStore store;

    SignatureManifests(ImageStore store) {
        this.store = store;
    }

    static Reference tagOf(Reference image, Digest signed) {
        return image.withTag(signed.signatureTag());
    }

    /** The layers of the signature manifest for {@code signed}, in order; empty when it has none. */
    List<Descriptor> layers(Reference image, Digest signed) throws IOException, ImageFormatException {
        Optional<Descriptor> manifest = store.resolve(tagOf(image, signed));
        if (manifest.isEmpty()) {
            return List.of();
        }
        return ImageGraph.manifest(manifest.get(), store.source()).layers();
    }

    byte[] payload(Descriptor layer) throws IOException, ImageFormatException {
        return store.blobs().read(layer.digest(), OciJson.MAX_MANIFEST_BYTES);
    }

    /** Writes the signature manifest for {@code signed} with exactly these layers and tags it. */
    void write(Reference image, Digest signed, List<Descriptor> layers) throws IOException {
        byte[] config = config(layers);
        Descriptor configDescriptor = new Descriptor(MediaTypes.OCI_CONFIG, store.blobs().put(config), config.length, null, null);
        byte[] manifest = OciJson.write(new ImageManifest(MediaTypes.OCI_MANIFEST, null, configDescriptor, layers, null));
        store.blobs().put(manifest);
        store.tag(tagOf(image, signed), Descriptor.of(MediaTypes.OCI_MANIFEST, manifest));
    }

    /**
     * The image config cosign writes for signatures: empty but for rootfs listing each payload
     * (uncompressed, so its diff id is its digest), which tools copying the image check against the layers.
     */
    private static byte[] config(List<Descriptor> layers) {
        ObjectNode root = OciJson.MAPPER.createObjectNode();
        root.put("architecture", "");
        root.putObject("config");
        root.put("created", ZERO_TIME);
        ArrayNode history = root.putArray("history");
        root.put("os", "");
        ObjectNode rootfs = root.putObject("rootfs");
        rootfs.put("type", "layers");
        ArrayNode diffIds = rootfs.putArray("diff_ids");
        for (Descriptor layer : layers) {
            history.addObject().put("created", ZERO_TIME);
            diffIds.add(layer.digest().toString());
        }
        return OciJson.bytes(root);
    }
}
