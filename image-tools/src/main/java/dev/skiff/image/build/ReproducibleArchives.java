package dev.skiff.image.build;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

/**
 * Archives whose bytes depend only on their contents: entries sorted by name, timestamps at the
 * epoch, owner root, no user or group names. That is what makes image digests reproducible.
 */
final class ReproducibleArchives {
    private ReproducibleArchives() {}

    private static byte[] withoutComments(byte[] properties) {
        String text = new String(properties, java.nio.charset.StandardCharsets.ISO_8859_1);
        return text.lines().filter(l -> !l.startsWith("#")).map(l -> l + "\n").collect(java.util.stream.Collectors.joining())
                .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
    }

    /** A file to put in a layer. */
    record LayerFile(String path, byte[] content, int mode) {}

    /** An uncompressed tar of the files (the layer's diff_id is the digest of these bytes). */
    static byte[] tar(Iterable<LayerFile> files) throws IOException {
        Map<String, LayerFile> sorted = new TreeMap<>();
        files.forEach(f -> sorted.put(f.path(), f));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(bytes)) {
            tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            for (LayerFile f : sorted.values()) {
                TarArchiveEntry e = new TarArchiveEntry(f.path());
                e.setSize(f.content().length);
                e.setMode(f.mode());
                e.setModTime(0);
                e.setIds(0, 0);
                e.setNames("", "");
                tar.putArchiveEntry(e);
                tar.write(f.content());
                tar.closeArchiveEntry();
            }
        }
        return bytes.toByteArray();
    }

    /** gzip with no name and a zero timestamp (Java's GZIPOutputStream writes both that way). */
    static byte[] gzip(byte[] data) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (OutputStream gz = new GZIPOutputStream(bytes)) {
            gz.write(data);
        }
        return bytes.toByteArray();
    }

    /**
     * Rewrites a jar with sorted entries and fixed timestamps, and without the date comment that
     * {@code Properties.store} writes into {@code .properties} files.
     */
    static byte[] normalizeJar(byte[] jar) throws IOException {
        Map<String, byte[]> entries = new TreeMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(jar))) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                if (!e.isDirectory()) {
                    byte[] content = in.readAllBytes();
                    entries.put(e.getName(), e.getName().endsWith(".properties") ? withoutComments(content) : content);
                }
            }
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(bytes)) {
            for (var e : entries.entrySet()) {
                ZipEntry entry = new ZipEntry(e.getKey());
                entry.setTime(315532800000L); // 1980-01-01, the earliest time a zip entry can hold
                out.putNextEntry(entry);
                out.write(e.getValue());
                out.closeEntry();
            }
        }
        return bytes.toByteArray();
    }
}
