package dev.skiff.image.registry;

import dev.skiff.image.oci.Descriptor;
import dev.skiff.image.oci.Digest;
import dev.skiff.image.oci.ImageFormatException;
import dev.skiff.image.oci.Reference;
import dev.skiff.image.store.BlobSource;
import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;
import java.util.function.LongConsumer;

/**
 * Everything Skiff asks of an OCI distribution registry. {@link ImagePusher} and {@link ImagePuller}
 * talk to registries only through this interface, so that DESIGN §3.4's jib-core can be put behind
 * it for the single-platform images it handles well. Today {@link DistributionClient} is the only
 * implementation: every Skiff image is an index with Skiff's annotations, which jib-core's public
 * API cannot write.
 *
 * <p>Methods taking a {@link Reference} use its registry and repository; the manifest methods also
 * its tag or digest.
 */
public interface RegistryClient {
    /** Checks that the registry answers its API root with the credentials at hand (what login verifies). */
    void ping(String registry) throws IOException;

    boolean blobExists(Reference repository, Digest digest) throws IOException;

    /** The blob's bytes as the registry sends them; the caller verifies them (BlobStore.write does) and counts progress. */
    InputStream getBlob(Reference repository, Digest digest) throws IOException;

    /** Uploads a blob read from {@code content}; {@code progress} receives the bytes sent so far. */
    void uploadBlob(Reference repository, Descriptor blob, BlobSource content, LongConsumer progress) throws IOException;

    /**
     * The manifest or index a tag or digest names, empty when the registry has none. Refuses one over
     * 4 MiB and one whose bytes do not hash to the requested digest (or to the digest the registry
     * says it sent).
     */
    Optional<ManifestContent> getManifest(Reference reference) throws IOException, ImageFormatException;

    boolean manifestExists(Reference reference) throws IOException;

    /** Stores a manifest or index under the reference's tag or digest. */
    void putManifest(Reference reference, ManifestContent manifest) throws IOException;
}
