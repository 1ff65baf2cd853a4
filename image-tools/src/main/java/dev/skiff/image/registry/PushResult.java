package dev.skiff.image.registry;

import dev.skiff.image.oci.Digest;
import dev.skiff.image.oci.Reference;

/** What a push did: the destination, the digest it now names, and which blobs crossed the wire. */
public record PushResult(Reference pushed, Digest digest, long uploadedBlobBytes, int uploadedBlobs, int skippedBlobs) {}
