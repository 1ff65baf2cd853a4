package dev.skiff.image.registry;

import dev.skiff.image.oci.Descriptor;
import dev.skiff.image.oci.Digest;
import dev.skiff.image.oci.ImageFormatException;
import dev.skiff.image.oci.OciJson;
import dev.skiff.image.oci.Reference;
import dev.skiff.image.progress.ProgressListener;
import dev.skiff.image.store.ImageGraph;
import dev.skiff.image.store.ImageStore;
import dev.skiff.protocols.Quantities;
import java.io.IOException;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Pushes an image from the local store. Children go before their parents (config and layers, then
 * each manifest by digest, then the root by tag) so that a registry never holds a manifest whose
 * content is missing; only blobs the registry lacks are uploaded. Cosign signatures the store holds
 * for the image's manifests ({@code REPO:sha256-<hex>.sig}) are pushed along with it.
 */
public record ImagePusher(ImageStore store, RegistryClient registry, ProgressListener progress) {
    /** Pushes {@code source} (from the store) to {@code destination} (its tag, or its digest when it has no tag). */
    public PushResult push(Reference source, Reference destination) throws IOException, ImageFormatException {
        Descriptor root = store.resolve(source)
                .orElseThrow(() -> new IllegalArgumentException(source.familiar() + " is not in the local image store"));
        if (destination.digest() != null && !destination.digest().equals(root.digest())) {
            throw new IllegalArgumentException("cannot push " + source.familiar() + " (" + root.digest() + ") as "
                    + destination.familiar() + ": the digests differ");
        }
        Transfer transfer = new Transfer(destination);
        transfer.image(root, destination.tag() != null ? destination.withTag(destination.tag()) : destination.withDigest(root.digest()));
        for (Digest manifest : List.copyOf(transfer.manifests)) {
            String tag = manifest.signatureTag();
            Optional<Descriptor> signature = store.resolve(source.withTag(tag));
            if (signature.isPresent()) {
                transfer.image(signature.get(), destination.withTag(tag));
            }
        }
        return new PushResult(destination, root.digest(), transfer.uploadedBytes, transfer.uploaded, transfer.skipped);
    }

    /** One push: what was visited and what crossed the wire. */
    private final class Transfer {
        private final Reference repository;
        private final Set<Digest> visited = new HashSet<>();
        private final Set<Digest> manifests = new LinkedHashSet<>();
        private long uploadedBytes;
        private int uploaded;
        private int skipped;

        Transfer(Reference repository) {
            this.repository = repository;
        }

        void image(Descriptor root, Reference as) throws IOException, ImageFormatException {
            manifests.add(root.digest());
            visited.add(root.digest());
            children(root);
            registry.putManifest(as, content(root));
        }

        private void children(Descriptor parent) throws IOException, ImageFormatException {
            for (Descriptor child : ImageGraph.children(parent, store.source())) {
                if (!visited.add(child.digest())) {
                    continue; // an index lists its wasm manifest twice, and layers may repeat
                }
                if (ImageGraph.isIndex(child) || ImageGraph.isManifest(child)) {
                    manifests.add(child.digest());
                    children(child);
                    Reference byDigest = repository.withDigest(child.digest());
                    if (!registry.manifestExists(byDigest)) {
                        registry.putManifest(byDigest, content(child));
                    }
                } else {
                    blob(child);
                }
            }
        }

        private void blob(Descriptor blob) throws IOException {
            if (registry.blobExists(repository, blob.digest())) {
                BlobStep.skip(progress, blob, "exists");
                skipped++;
                return;
            }
            BlobStep step = BlobStep.start(progress, blob);
            registry.uploadBlob(repository, blob, store.source(), step);
            step.finish("uploaded " + Quantities.formatBytes(blob.size()));
            uploaded++;
            uploadedBytes += blob.size();
        }

        private ManifestContent content(Descriptor manifest) throws IOException, ImageFormatException {
            return new ManifestContent(manifest.mediaType(), store.blobs().read(manifest.digest(), OciJson.MAX_MANIFEST_BYTES));
        }
    }
}
