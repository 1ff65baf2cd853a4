package dev.skiff.agent.content;

import dev.skiff.image.AppImage;
import dev.skiff.image.oci.Descriptor;
import dev.skiff.image.oci.Digest;
import dev.skiff.image.oci.ImageFormatException;
import dev.skiff.image.oci.MediaTypes;
import dev.skiff.image.oci.OciJson;
import dev.skiff.image.oci.Reference;
import dev.skiff.image.store.ImageStore;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

/**
 * The agent's images: an {@link ImageStore} under {@code DATA/images}. Blobs appear there only
 * whole and verified (temp file, digest check, fsync, rename), so whatever a release names by
 * digest is either absent or complete.
 */
public final class ContentStore {
    private final ImageStore store;

    private ContentStore(ImageStore store) {
        this.store = store;
    }

    /**
     * Opens the store, discarding what deliveries cut short by an agent crash left in its
     * staging area: deliveries go through the agent, so as it opens none can be under way.
     */
    public static ContentStore open(Path dir) throws IOException {
        ImageStore store = ImageStore.open(dir);
        store.discardUnfinishedImports();
        return new ContentStore(store);
    }

    /** The underlying store, for whatever delivers images into it (builds, loads, pushes). */
    public ImageStore images() {
        return store;
    }

    /** The digest of the image a reference names: its own digest if it has one, else what its tag points at. */
    public Digest digestOf(Reference ref) throws IOException, ImageFormatException {
        if (ref.digest() != null) {
            return ref.digest();
        }
        return store.resolve(ref).map(Descriptor::digest)
                .orElseThrow(() -> new ImageFormatException("image " + ref.familiar() + " is not in the agent's store"));
    }

    /** The app image an index or manifest digest names. */
    public AppImage open(Digest image) throws IOException, ImageFormatException {
        return AppImage.open(store.source(), descriptor(image));
    }

    /**
     * A descriptor for a manifest or index held by digest, its media type read from the blob
     * itself (releases record only the digest).
     */
    Descriptor descriptor(Digest image) throws IOException, ImageFormatException {
        if (!store.blobs().has(image)) {
            throw new ImageFormatException("image " + image + " is not in the agent's store");
        }
        byte[] json = store.blobs().read(image, OciJson.MAX_MANIFEST_BYTES);
        String mediaType = OciJson.mediaTypeOf(json, "image " + image);
        if (mediaType == null) {
            // Docker-era documents may omit it; an index is the one with "manifests"
            mediaType = OciJson.isIndex(OciJson.tree(json, "image " + image)) ? MediaTypes.OCI_INDEX : MediaTypes.OCI_MANIFEST;
        }
        return new Descriptor(mediaType, image, json.length, null, Map.of());
    }
}
