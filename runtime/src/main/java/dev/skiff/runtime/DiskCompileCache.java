package dev.skiff.runtime;

import dev.skiff.runtime.engine.CompileCache;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;

/**
 * Compiled modules on disk: {@code DIR/<engine-version>/<digest-hex>.bin}, each file the SHA-256
 * of its payload followed by the payload. A file that fails the check (torn write, bit rot,
 * tampering) is deleted and reported absent, so the module is simply compiled again.
 */
public final class DiskCompileCache implements CompileCache {
    private static final int CHECKSUM_BYTES = 32;
    private final Path dir;

    /** A temp file this old was left by a process killed while writing it (writes take milliseconds). */
    static final java.time.Duration ABANDONED_AFTER = java.time.Duration.ofMinutes(10);

    public DiskCompileCache(Path dir) {
        this.dir = dir;
        removeAbandonedWrites();
    }

    /**
     * Deletes temp files of writes that never finished. Younger ones may belong to another process
     * writing right now (the CLI and an agent can share a cache), so they stay.
     */
    private void removeAbandonedWrites() {
        if (!Files.isDirectory(dir)) {
            return;
        }
        java.nio.file.attribute.FileTime cutoff = java.nio.file.attribute.FileTime.from(java.time.Instant.now().minus(ABANDONED_AFTER));
        try (var files = Files.find(dir, 2, (p, attrs) -> p.toString().endsWith(".tmp") && attrs.lastModifiedTime().compareTo(cutoff) < 0)) {
            for (Path p : files.toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            // leftovers are never read (entries are checksummed and renamed into place); they only take space
        }
    }

    @Override
    public byte[] get(String moduleDigest, String engineVersion) {
        Path file = file(moduleDigest, engineVersion);
        try {
            byte[] content = Files.readAllBytes(file);
            if (content.length > CHECKSUM_BYTES) {
                byte[] payload = Arrays.copyOfRange(content, CHECKSUM_BYTES, content.length);
                if (Arrays.equals(Digests.sha256Bytes(payload), 0, CHECKSUM_BYTES, content, 0, CHECKSUM_BYTES)) {
                    return payload;
                }
            }
            Files.deleteIfExists(file);
            return null;
        } catch (IOException e) {
            return null; // absent or unreadable: compile instead
        }
    }

    @Override
    public void put(String moduleDigest, String engineVersion, byte[] data) {
        Path file = file(moduleDigest, engineVersion);
        try {
            Files.createDirectories(file.getParent());
            Path temp = Files.createTempFile(file.getParent(), file.getFileName().toString(), ".tmp");
            try {
                try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                    channel.write(ByteBuffer.wrap(Digests.sha256Bytes(data)));
                    channel.write(ByteBuffer.wrap(data));
                    channel.force(true);
                }
                Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } finally {
                Files.deleteIfExists(temp);
            }
        } catch (IOException e) {
            // A cache that cannot be written only costs the next run a compile.
        }
    }

    @Override
    public void remove(String moduleDigest, String engineVersion) {
        try {
            Files.deleteIfExists(file(moduleDigest, engineVersion));
        } catch (IOException e) {
            // next get() will verify and drop it again
        }
    }

    /** Where an entry lives; tests use it to damage entries. */
    public Path file(String moduleDigest, String engineVersion) {
        String hex = moduleDigest.substring(moduleDigest.indexOf(':') + 1);
        return dir.resolve(engineVersion).resolve(hex + ".bin");
    }
}
