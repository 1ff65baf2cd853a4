package dev.skiff.image.build;

import dev.skiff.image.oci.Reference;
import java.nio.file.Path;
import java.util.List;

/**
 * What to build: the app folder (with {@code skiff.yaml}), the tag (null: name:version from the
 * manifest), the wasm artifact form instead of the default layout, native fallback binaries, and
 * whether to add a precompiled layer.
 */
public record BuildRequest(Path appDir, Reference tag, boolean artifact, List<NativeBinary> natives, boolean precompile) {
    public BuildRequest {
        natives = List.copyOf(natives);
    }

    public static BuildRequest of(Path appDir) {
        return new BuildRequest(appDir, null, false, List.of(), false);
    }
}
