package dev.skiff.image.oci;

import java.util.List;
import java.util.Map;

/**
 * What Skiff reads from an image config, whether an OCI config ({@code config.Entrypoint} etc.) or a
 * wasm artifact config (no entrypoint: the module is the single {@code application/wasm} layer).
 */
public record ImageConfig(String os, String architecture, List<String> entrypoint, List<String> cmd, List<String> env, Map<String, String> labels) {
    public ImageConfig {
        entrypoint = List.copyOf(entrypoint);
        cmd = List.copyOf(cmd);
        env = List.copyOf(env);
        labels = Map.copyOf(labels);
    }
}
