package dev.skiff.image.store;

import dev.skiff.image.oci.Descriptor;
import dev.skiff.image.oci.Digest;
import dev.skiff.image.oci.ImageFormatException;
import dev.skiff.image.oci.Reference;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Where an import (pull, load) collects blobs until the whole image has been verified. Reads see
 * the staged blobs first, then the store's. Nothing becomes visible in the store before
 * {@link #commit}; {@link #close} throws away whatever was not committed.
 */
public final class Staging implements BlobSource, AutoCloseable {
    private final ImageStore store;
    private final Path dir;
    private final BlobStore staged;

    Staging(ImageStore store, Path dir) {
        this.store = store;
        this.dir = dir;
        this.staged = new BlobStore(dir);
    }

    /** Where new blobs are written. */
    public BlobStore blobs() {
        return staged;
    }

    private BlobStore holder(Digest digest) {
        return staged.has(digest) ? staged : store.blobs();
    }

    @Override
    public boolean has(Digest digest) {
        return staged.has(digest) || store.blobs().has(digest);
    }

    @Override
    public long size(Digest digest) throws IOException {
        return holder(digest).size(digest);
    }

    @Override
    public InputStream open(Digest digest) throws IOException {
        return holder(digest).open(digest);
    }

    @Override
    public byte[] read(Digest digest, long maxBytes) throws IOException, ImageFormatException {
        return holder(digest).read(digest, maxBytes);
    }

    /** Moves the staged blobs into the store, then points the references at their images. */
    public void commit(Map<Reference, Descriptor> tags) throws IOException {
        for (Digest digest : staged.list()) {
            store.blobs().adopt(staged, digest);
        }
        store.tagAll(tags);
    }

    @Override
    public void close() throws IOException {
        deleteTree(dir);
    }

    /** Deletes a directory with everything under it, if it exists. */
    static void deleteTree(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (Stream<Path> walk = Files.walk(dir)) {
                for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }
}
