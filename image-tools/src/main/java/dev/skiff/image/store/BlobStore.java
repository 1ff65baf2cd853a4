package dev.skiff.image.store;

import dev.skiff.image.oci.Digest;
import dev.skiff.image.oci.ImageFormatException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.LongConsumer;
import java.util.stream.Stream;

/**
 * Blobs by digest under {@code ROOT/blobs/sha256/}, as in an OCI image layout. A blob appears only
 * complete and verified: it is written to a temp file, checked against its digest, synced, then
 * renamed into place.
 */
public final class BlobStore {
    private final Path blobs;
    private final Path ingest;

    public BlobStore(Path root) {
        this.blobs = root.resolve("blobs").resolve("sha256");
        this.ingest = root.resolve("ingest");
    }

    public Path path(Digest digest) {
        return blobs.resolve(digest.hex());
    }

    public boolean has(Digest digest) {
        return Files.isRegularFile(path(digest));
    }

    public long size(Digest digest) throws IOException {
        return Files.size(path(digest));
    }

    public InputStream open(Digest digest) throws IOException {
        try {
            return Files.newInputStream(path(digest));
        } catch (NoSuchFileException e) {
            throw new NoSuchFileException("blob " + digest + " is not in the store");
        }
    }

    /** Reads a whole blob, refusing one larger than {@code maxBytes} before reading it. */
    public byte[] read(Digest digest, long maxBytes) throws IOException, ImageFormatException {
        long size;
        try {
            size = size(digest);
        } catch (NoSuchFileException e) {
            throw new NoSuchFileException("blob " + digest + " is not in the store");
        }
        if (size > maxBytes) {
            throw new ImageFormatException("blob " + digest + " is " + size + " bytes, over the limit of " + maxBytes);
        }
        return Files.readAllBytes(path(digest));
    }

    /** Stores bytes under their own digest. */
    public Digest put(byte[] content) throws IOException {
        Digest digest = Digest.of(content);
        try {
            write(digest, content.length, new java.io.ByteArrayInputStream(content), n -> {});
        } catch (ImageFormatException e) {
            throw new IllegalStateException("digest computed from the same bytes", e);
        }
        return digest;
    }

    /**
     * Streams a blob in, verifying size and digest before it becomes visible. {@code size} may be
     * -1 when unknown. On any refusal nothing is left behind.
     */
    public void write(Digest expected, long size, InputStream in, LongConsumer progress) throws IOException, ImageFormatException {
        if (has(expected)) {
            return;
        }
        Files.createDirectories(ingest);
        Path temp = ingest.resolve(expected.hex() + "." + UUID.randomUUID() + ".part");
        try {
            MessageDigest sha = Digest.sha256();
            long written = 0;
            try (OutputStream out = new DigestOutputStream(Files.newOutputStream(temp, StandardOpenOption.CREATE_NEW), sha)) {
                byte[] buffer = new byte[64 * 1024];
                for (int n; (n = in.read(buffer)) > 0; ) {
                    written += n;
                    if (size >= 0 && written > size) {
                        throw new ImageFormatException("blob " + expected + " is longer than the " + size + " bytes its descriptor says");
                    }
                    out.write(buffer, 0, n);
                    progress.accept(written);
                }
            }
            if (size >= 0 && written != size) {
                throw new ImageFormatException("blob " + expected + " has " + written + " bytes, but its descriptor says " + size);
            }
            String actual = HexFormat.of().formatHex(sha.digest());
            if (!actual.equals(expected.hex())) {
                throw new ImageFormatException("blob " + expected + ": content does not match its digest (content hashes to sha256:" + actual + ")");
            }
            sync(temp);
            moveIntoPlace(temp, path(expected));
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /** Moves a verified blob of another store (a staging area) into this one. */
    public void adopt(BlobStore staging, Digest digest) throws IOException {
        if (!has(digest)) {
            moveIntoPlace(staging.path(digest), path(digest));
        }
    }

    public TreeSet<Digest> list() throws IOException {
        TreeSet<Digest> all = new TreeSet<>();
        if (!Files.isDirectory(blobs)) {
            return all;
        }
        try (Stream<Path> files = Files.list(blobs)) {
            files.map(p -> p.getFileName().toString()).filter(n -> n.matches("[0-9a-f]{64}")).forEach(n -> all.add(new Digest(n)));
        }
        return all;
    }

    public void delete(Digest digest) throws IOException {
        Files.deleteIfExists(path(digest));
    }

    private void moveIntoPlace(Path from, Path to) throws IOException {
        Files.createDirectories(to.getParent());
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (FileAlreadyExistsException e) {
            Files.deleteIfExists(from); // same digest, same bytes: a concurrent writer won
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    static void sync(Path file) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
            ch.force(true);
        }
    }
}
