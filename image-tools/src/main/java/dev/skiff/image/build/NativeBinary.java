package dev.skiff.image.build;

import dev.skiff.image.oci.Platform;
import java.nio.file.Path;

/** A native executable listed in the index beside the wasm image, for fleets that mix in native containers. */
public record NativeBinary(Platform platform, Path file) {
    /** Parses {@code OS/ARCH[/VARIANT]=FILE}. */
    public static NativeBinary parse(String text) {
        int eq = text.indexOf('=');
        if (eq <= 0 || eq == text.length() - 1) {
            throw new IllegalArgumentException("--native " + text + ": expected OS/ARCH[/VARIANT]=FILE, e.g. linux/arm64=build/app-arm64");
        }
        Platform platform = Platform.parse(text.substring(0, eq));
        if (platform.isWasm()) {
            throw new IllegalArgumentException("--native " + text + ": wasm is the image itself, not a native fallback");
        }
        return new NativeBinary(platform, Path.of(text.substring(eq + 1)));
    }
}
