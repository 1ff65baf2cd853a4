package dev.skiff.cli;

import java.nio.file.Path;

/** Where skiff keeps its state: {@code $SKIFF_HOME}, by default {@code ~/.skiff}. */
final class SkiffHome {
    private SkiffHome() {}

    static Path dir() {
        String home = System.getenv("SKIFF_HOME");
        return home != null && !home.isBlank()
                ? Path.of(home)
                : Path.of(System.getProperty("user.home"), ".skiff");
    }

    /** The local image store, an OCI image layout. */
    static dev.skiff.image.store.ImageStore imageStore() {
        try {
            return dev.skiff.image.store.ImageStore.open(dir().resolve("images"));
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException("cannot open the image store under " + dir() + ": " + e.getMessage(), e);
        }
    }

    static Path compileCache() {
        return dir().resolve("cache").resolve("compiled");
    }
}
