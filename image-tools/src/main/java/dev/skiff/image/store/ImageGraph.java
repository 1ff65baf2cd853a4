package dev.skiff.image.store;

import dev.skiff.image.oci.Descriptor;
import dev.skiff.image.oci.Digest;
import dev.skiff.image.oci.ImageFormatException;
import dev.skiff.image.oci.ImageIndex;
import dev.skiff.image.oci.ImageManifest;
import dev.skiff.image.oci.MediaTypes;
import dev.skiff.image.oci.OciJson;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** The edges of an image: an index points at manifests, a manifest at its config and layers. */
public final class ImageGraph {
    private ImageGraph() {}

    public static boolean isIndex(Descriptor d) {
        return MediaTypes.INDEXES.contains(d.mediaType());
    }

    public static boolean isManifest(Descriptor d) {
        return MediaTypes.MANIFESTS.contains(d.mediaType());
    }

    /** The descriptors a manifest or index refers to; none for configs and layers. */
    public static List<Descriptor> children(Descriptor d, BlobSource blobs) throws IOException, ImageFormatException {
        if (isIndex(d)) {
            return OciJson.parseIndex(blobs.read(d.digest(), OciJson.MAX_MANIFEST_BYTES), "index " + d.digest()).manifests();
        }
        if (isManifest(d)) {
            ImageManifest m = OciJson.parseManifest(blobs.read(d.digest(), OciJson.MAX_MANIFEST_BYTES), "manifest " + d.digest());
            List<Descriptor> all = new ArrayList<>();
            all.add(m.config());
            all.addAll(m.layers());
            return all;
        }
        return List.of();
    }

    /** Every digest reachable from the roots, roots included, in visiting order. */
    public static Set<Digest> reachable(BlobSource blobs, Collection<Descriptor> roots) throws IOException, ImageFormatException {
        Set<Digest> seen = new LinkedHashSet<>();
        List<Descriptor> todo = new ArrayList<>(roots);
        while (!todo.isEmpty()) {
            Descriptor d = todo.removeLast();
            if (seen.add(d.digest()) && blobs.has(d.digest())) {
                todo.addAll(children(d, blobs));
            }
        }
        return seen;
    }

    public static ImageIndex index(Descriptor d, BlobSource blobs) throws IOException, ImageFormatException {
        return OciJson.parseIndex(blobs.read(d.digest(), OciJson.MAX_MANIFEST_BYTES), "index " + d.digest());
    }

    public static ImageManifest manifest(Descriptor d, BlobSource blobs) throws IOException, ImageFormatException {
        return OciJson.parseManifest(blobs.read(d.digest(), OciJson.MAX_MANIFEST_BYTES), "manifest " + d.digest());
    }
}
