package dev.skiff.agent.registry;

import dev.skiff.image.oci.Digest;
import dev.skiff.image.store.BlobStore;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * {@code HEAD|GET /v2/NAME/blobs/DIGEST}. The store is content-addressed across repositories, so a
 * blob is there for every name once any push brought it: what lets a push skip what the device has.
 */
record BlobEndpoint(BlobStore blobs) {
    void get(RegistryExchange exchange, RegistryPath path) throws IOException {
        Digest digest = RegistryExchange.digest(path.argument());
        if (!blobs.has(digest)) {
            throw RegistryError.BLOB_UNKNOWN.because("blob " + digest + " is not on this device");
        }
        exchange.header("Docker-Content-Digest", digest.toString());
        try (InputStream in = blobs.open(digest);
                OutputStream out = exchange.body(200, "application/octet-stream", blobs.size(digest))) {
            in.transferTo(out);
        }
    }
}
