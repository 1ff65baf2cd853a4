package dev.skiff.image.oci;

import java.util.Map;
import java.util.TreeMap;

/** A reference to content by media type, digest and size; {@code platform} only in indexes (else null). */
public record Descriptor(String mediaType, Digest digest, long size, Platform platform, Map<String, String> annotations) {
    public Descriptor {
        annotations = annotations == null ? Map.of() : java.util.Collections.unmodifiableMap(new TreeMap<>(annotations));
    }

    public static Descriptor of(String mediaType, byte[] content) {
        return new Descriptor(mediaType, Digest.of(content), content.length, null, Map.of());
    }

    public Descriptor withPlatform(Platform p) {
        return new Descriptor(mediaType, digest, size, p, annotations);
    }

    public Descriptor withAnnotations(Map<String, String> a) {
        return new Descriptor(mediaType, digest, size, platform, a);
    }

    public String annotation(String key) {
        return annotations.get(key);
    }
}
