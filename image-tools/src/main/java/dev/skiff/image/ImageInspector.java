package dev.skiff.image;

import dev.skiff.image.oci.Descriptor;
import dev.skiff.image.oci.Digest;
import dev.skiff.image.oci.ImageFormatException;
import dev.skiff.image.oci.ImageManifest;
import dev.skiff.image.oci.Platform;
import dev.skiff.image.oci.Reference;
import dev.skiff.image.store.ImageGraph;
import dev.skiff.image.store.ImageStore;
import dev.skiff.image.store.TaggedImage;
import dev.skiff.protocols.manifest.AppManifest;
import dev.skiff.protocols.manifest.ManifestException;
import dev.skiff.protocols.manifest.ManifestParser;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Read-only views of the local store for listings and {@code inspect}, shared by CLI and workbench. */
public final class ImageInspector {
    private final ImageStore store;

    public ImageInspector(ImageStore store) {
        this.store = store;
    }

    /** One line of {@code skiff images}. */
    public record Summary(Reference reference, Digest digest, long totalBytes, int signatures) {}

    /** One platform entry of an image and its layers. */
    public record PlatformEntry(Platform platform, Descriptor manifest, Descriptor config, List<Descriptor> layers) {}

    /** Everything {@code skiff inspect} shows. */
    public record Details(Reference reference, Descriptor root, List<PlatformEntry> platforms, Optional<AppManifest> app, int signatures) {}

    public List<Summary> list() throws IOException, ImageFormatException {
        List<TaggedImage> all = store.list();
        List<Summary> result = new ArrayList<>();
        for (TaggedImage t : all) {
            if (!t.isSignature()) {
                long total = 0;
                for (Digest d : ImageGraph.reachable(store.source(), List.of(t.descriptor()))) {
                    total += store.blobs().has(d) ? store.blobs().size(d) : 0;
                }
                result.add(new Summary(t.reference(), t.descriptor().digest(), total, signatures(all, t.descriptor().digest())));
            }
        }
        return result;
    }

    public Details inspect(Reference ref) throws IOException, ImageFormatException {
        Descriptor root = store.resolve(ref).orElseThrow(() -> new IllegalArgumentException(ref.familiar() + ": no such image in the local store (see skiff images)"));
        List<PlatformEntry> platforms = new ArrayList<>();
        Optional<AppManifest> app = Optional.empty();
        List<Descriptor> manifests = ImageGraph.isIndex(root) ? ImageGraph.index(root, store.source()).manifests() : List.of(root);
        for (Descriptor d : manifests) {
            ImageManifest m = ImageGraph.manifest(d, store.source());
            platforms.add(new PlatformEntry(d.platform(), d, m.config(), m.layers()));
            String json = m.annotations().get(Annotations.MANIFEST);
            if (json != null && app.isEmpty()) {
                try {
                    app = Optional.of(ManifestParser.parse(json, Annotations.MANIFEST + " annotation"));
                } catch (ManifestException e) {
                    throw new ImageFormatException(e.getMessage(), e);
                }
            }
        }
        return new Details(ref, root, platforms, app, signatures(store.list(), root.digest()));
    }

    /** How many signatures the store holds for a digest (layers of its {@code .sig} manifest). */
    private int signatures(List<TaggedImage> all, Digest digest) throws IOException, ImageFormatException {
        for (TaggedImage t : all) {
            if (t.isSignature() && t.reference().tag().equals(digest.signatureTag())) {
                return ImageGraph.manifest(t.descriptor(), store.source()).layers().size();
            }
        }
        return 0;
    }
}
