package dev.skiff.image.store;

import dev.skiff.image.oci.Digest;
import dev.skiff.image.oci.ImageFormatException;
import java.io.IOException;
import java.io.InputStream;

/** Somewhere blobs can be read by digest: the store, or a staging area in front of it. */
public interface BlobSource {
    boolean has(Digest digest);

    long size(Digest digest) throws IOException;

    InputStream open(Digest digest) throws IOException;

    byte[] read(Digest digest, long maxBytes) throws IOException, ImageFormatException;

    static BlobSource of(BlobStore store) {
        return new BlobSource() {
            @Override
            public boolean has(Digest digest) {
                return store.has(digest);
            }

            @Override
            public long size(Digest digest) throws IOException {
                return store.size(digest);
            }

            @Override
            public InputStream open(Digest digest) throws IOException {
                return store.open(digest);
            }

            @Override
            public byte[] read(Digest digest, long maxBytes) throws IOException, ImageFormatException {
                return store.read(digest, maxBytes);
            }
        };
    }
}
