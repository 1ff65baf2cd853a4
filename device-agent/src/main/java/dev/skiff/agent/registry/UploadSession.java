package dev.skiff.agent.registry;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;

/**
 * A blob upload in progress: the bytes PATCH requests have sent so far, in a file of the upload
 * area. They are not a blob yet: the upload's last request names the digest, and only then are
 * they verified and moved into the store.
 */
final class UploadSession {
    private final String id;
    private final String name;
    private final Path file;
    private long length;
    private Instant touched = Instant.now();

    UploadSession(String id, String name, Path file) {
        this.id = id;
        this.name = name;
        this.file = file;
    }

    String id() {
        return id;
    }

    String name() {
        return name;
    }

    synchronized long length() {
        return length;
    }

    synchronized Instant touched() {
        return touched;
    }

    /** Appends a chunk; {@code start}, when the client said where it begins, must be where the upload ends. */
    synchronized void append(InputStream chunk, long start) throws IOException {
        if (start >= 0 && start != length) {
            throw RegistryError.BLOB_UPLOAD_INVALID.because("upload " + id + " has " + length + " bytes; a chunk starting at " + start + " does not follow them");
        }
        try (OutputStream out = Files.newOutputStream(file, StandardOpenOption.CREATE, StandardOpenOption.APPEND)) {
            length += chunk.transferTo(out);
        }
        touched = Instant.now();
    }

    /** The bytes so far; empty when no chunk came (a monolithic PUT follows its POST). */
    InputStream content() throws IOException {
        return length == 0 ? InputStream.nullInputStream() : Files.newInputStream(file);
    }

    void delete() throws IOException {
        Files.deleteIfExists(file);
    }
}
