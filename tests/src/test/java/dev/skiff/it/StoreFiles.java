package dev.skiff.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.skiff.image.oci.Digest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** An image store as files on disk: what a crash may have left in it. */
final class StoreFiles {
    private StoreFiles() {}

    /** The bytes of every file in the store's staging area ({@code ingest/}). */
    static long stagedBytes(Path store) throws IOException {
        long total = 0;
        for (Path file : staged(store)) {
            total += Files.size(file);
        }
        return total;
    }

    /** Nothing staged is left, and every blob hashes to its name: no partial blob can be used. */
    static void assertOnlyWholeBlobs(Path store, String when) throws IOException {
        assertEquals(List.of(), staged(store), when + ": staging leftovers");
        try (Stream<Path> blobs = Files.list(store.resolve("blobs").resolve("sha256"))) {
            for (Path blob : blobs.toList()) {
                assertEquals(blob.getFileName().toString(), Digest.of(Files.readAllBytes(blob)).hex(),
                        when + ": blob " + blob + " does not hash to its name");
            }
        }
    }

    private static List<Path> staged(Path store) throws IOException {
        Path ingest = store.resolve("ingest");
        if (!Files.isDirectory(ingest)) {
            return List.of();
        }
        try (Stream<Path> walk = Files.walk(ingest)) {
            return walk.filter(Files::isRegularFile).toList();
        }
    }
}
