package dev.skiff.image.registry;

import dev.skiff.image.oci.Descriptor;
import dev.skiff.image.oci.Digest;
import dev.skiff.image.oci.ImageFormatException;
import dev.skiff.image.oci.Reference;
import dev.skiff.image.progress.ProgressListener;
import dev.skiff.image.store.ImageGraph;
import dev.skiff.image.store.ImageStore;
import dev.skiff.image.store.ImageValidator;
import dev.skiff.image.store.Staging;
import dev.skiff.protocols.Quantities;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Pulls an image into the local store. Everything is downloaded into a {@link Staging} area, every
 * blob checked against its digest and size as it is written, the whole image validated, and only
 * then committed and tagged: a failed pull leaves the store as it was. Blobs the store already has
 * are not downloaded. Cosign signatures the registry holds for the image's manifests
 * ({@code sha256-<hex>.sig}) come along and are tagged the same way locally.
 */
public record ImagePuller(ImageStore store, RegistryClient registry, ProgressListener progress) {
    /** An index may list indexes, which list manifests; deeper nesting is refused (as ImageValidator does). */
    private static final int MAX_DEPTH = 2;

    public PullResult pull(Reference reference) throws IOException, ImageFormatException {
        ManifestContent root = registry.getManifest(reference).orElseThrow(() -> new IOException(
                "registry " + reference.registry() + " has no image " + reference.familiar() + " (check the name, or push it first)"));
        try (Staging staging = store.stage()) {
            Download download = new Download(reference, staging);
            Descriptor image = download.image(root);
            Map<Reference, Descriptor> tags = new LinkedHashMap<>();
            tags.put(reference, image);
            for (Digest manifest : List.copyOf(download.manifests)) {
                Reference signatureTag = reference.withTag(manifest.signatureTag());
                Optional<ManifestContent> signature = registry.getManifest(signatureTag);
                if (signature.isPresent()) {
                    tags.put(signatureTag, download.image(signature.get()));
                }
            }
            staging.commit(tags);
            return new PullResult(reference, image, download.bytes);
        }
    }

    /** One pull into one staging area. */
    private final class Download {
        private final Reference repository;
        private final Staging staging;
        private final Set<Digest> visited = new HashSet<>();
        private final Set<Digest> manifests = new LinkedHashSet<>();
        private long bytes;

        Download(Reference repository, Staging staging) {
            this.repository = repository;
            this.staging = staging;
        }

        /** Stages a manifest or index and everything it reaches, then validates the whole image. */
        Descriptor image(ManifestContent root) throws IOException, ImageFormatException {
            Descriptor descriptor = root.descriptor();
            stageManifest(descriptor, root);
            children(descriptor, 0);
            ImageValidator.validate(staging, descriptor);
            return descriptor;
        }

        private void children(Descriptor parent, int depth) throws IOException, ImageFormatException {
            manifests.add(parent.digest());
            visited.add(parent.digest());
            for (Descriptor child : ImageGraph.children(parent, staging)) {
                if (!visited.add(child.digest())) {
                    continue; // an index lists its wasm manifest twice, and layers may repeat
                }
                if (ImageGraph.isIndex(child) || ImageGraph.isManifest(child)) {
                    if (depth == MAX_DEPTH) {
                        throw new ImageFormatException("index " + parent.digest() + " nests indexes too deeply");
                    }
                    if (!staging.has(child.digest())) {
                        ManifestContent content = registry.getManifest(repository.withDigest(child.digest())).orElseThrow(() ->
                                new IOException("registry " + repository.registry() + " lacks manifest " + child.digest() + " of " + repository.familiar()));
                        stageManifest(child, content);
                    }
                    children(child, depth + 1);
                } else if (staging.has(child.digest())) {
                    BlobStep.skip(progress, child, "exists");
                } else {
                    blob(child);
                }
            }
        }

        private void stageManifest(Descriptor descriptor, ManifestContent content) throws IOException, ImageFormatException {
            staging.blobs().write(descriptor.digest(), descriptor.size(), new ByteArrayInputStream(content.content()), n -> {});
            bytes += content.content().length;
        }

        private void blob(Descriptor blob) throws IOException, ImageFormatException {
            BlobStep step = BlobStep.start(progress, blob);
            try (InputStream in = registry.getBlob(repository, blob.digest())) {
                staging.blobs().write(blob.digest(), blob.size(), in, step);
            }
            step.finish("downloaded " + Quantities.formatBytes(blob.size()));
            bytes += blob.size();
        }
    }
}
