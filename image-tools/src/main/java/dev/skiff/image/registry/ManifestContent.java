package dev.skiff.image.registry;

import dev.skiff.image.oci.Descriptor;
import dev.skiff.image.oci.Digest;
import java.util.Map;

/** A manifest or index as it travels to and from a registry: its bytes and their media type. */
public record ManifestContent(String mediaType, byte[] content) {
    public Digest digest() {
        return Digest.of(content);
    }

    public Descriptor descriptor() {
        return new Descriptor(mediaType, digest(), content.length, null, Map.of());
    }
}
