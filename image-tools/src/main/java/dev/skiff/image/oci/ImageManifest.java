package dev.skiff.image.oci;

import java.util.List;
import java.util.Map;

/** An OCI (or Docker v2) image manifest. {@code artifactType} may be null. */
public record ImageManifest(String mediaType, String artifactType, Descriptor config, List<Descriptor> layers, Map<String, String> annotations) {
    public ImageManifest {
        layers = List.copyOf(layers);
        annotations = annotations == null ? Map.of() : Map.copyOf(annotations);
    }
}
