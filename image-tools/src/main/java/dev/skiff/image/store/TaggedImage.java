package dev.skiff.image.store;

import dev.skiff.image.oci.Descriptor;
import dev.skiff.image.oci.Reference;

/** A reference in the local store and the manifest or index it names. */
public record TaggedImage(Reference reference, Descriptor descriptor) {
    /** True for cosign signature tags ({@code sha256-<hex>.sig}), which listings fold into their image. */
    public boolean isSignature() {
        return reference.tag() != null && reference.tag().matches("sha256-[0-9a-f]{64}\\.sig");
    }
}
