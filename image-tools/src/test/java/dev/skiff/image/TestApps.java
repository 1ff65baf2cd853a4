package dev.skiff.image;

import dev.skiff.image.build.BuildRequest;
import dev.skiff.image.build.BuildResult;
import dev.skiff.image.build.ImageBuilder;
import dev.skiff.image.progress.ProgressListener;
import dev.skiff.image.store.ImageStore;
import dev.skiff.runtime.Sandbox;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** App folders and stores for image tests, built from the committed examples. */
public final class TestApps {
    public static final Path ROOT = Path.of(System.getenv().getOrDefault("SKIFF_ROOT", "..")).toAbsolutePath().normalize();
    public static final Sandbox SANDBOX = Sandbox.inMemory();

    private TestApps() {}

    public static Path example(String name) {
        return ROOT.resolve("examples").resolve(name);
    }

    public static BuildResult build(ImageStore store, BuildRequest request) throws IOException {
        return new ImageBuilder(store, SANDBOX).build(request, ProgressListener.NONE);
    }

    /** A copy of examples/hello in {@code dir}, to edit. */
    public static Path helloCopy(Path dir) throws IOException {
        Path app = Files.createDirectories(dir.resolve("hello"));
        for (String f : new String[] {"skiff.yaml", "hello.wasm"}) {
            Files.copy(example("hello").resolve(f), app.resolve(f));
        }
        return app;
    }

    /** Every file of the store with its content digest, to prove an operation left it unchanged. */
    public static java.util.Map<String, String> snapshot(ImageStore store) throws IOException {
        java.util.Map<String, String> files = new java.util.TreeMap<>();
        try (var walk = Files.walk(store.root())) {
            for (Path p : walk.filter(Files::isRegularFile).toList()) {
                if (!p.getFileName().toString().equals(".lock")) {
                    files.put(store.root().relativize(p).toString(), dev.skiff.image.oci.Digest.of(Files.readAllBytes(p)).toString());
                }
            }
        }
        return files;
    }
}
