package dev.skiff.image.layout;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.skiff.image.oci.Descriptor;
import dev.skiff.image.oci.Digest;
import dev.skiff.image.oci.ImageFormatException;
import dev.skiff.image.oci.MediaTypes;
import dev.skiff.image.oci.OciJson;
import dev.skiff.image.oci.Reference;
import dev.skiff.image.progress.ProgressEvent;
import dev.skiff.image.progress.ProgressListener;
import dev.skiff.image.store.ImageGraph;
import dev.skiff.image.store.ImageStore;
import dev.skiff.image.store.ImageValidator;
import dev.skiff.image.store.LayerTar;
import dev.skiff.image.store.Staging;
import dev.skiff.image.store.TaggedImage;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

/**
 * Images on disk for offline transfer (DESIGN.md §3.2): an OCI image layout as a tar file or a
 * directory, readable by {@code skopeo copy oci-archive:…} and {@code ctr image import}. Loading
 * verifies everything in a staging area first, so a bad archive leaves the store as it was.
 */
public final class OciLayoutArchive {
    /** containerd's annotation for the full image name; the OCI one holds just the tag. */
    public static final String CONTAINERD_NAME = "io.containerd.image.name";
    private static final Pattern BLOB = Pattern.compile("blobs/([^/]+)/([^/]+)");

    private OciLayoutArchive() {}

    /** Writes the images (and their signatures) as an OCI layout tar. */
    public static void save(ImageStore store, List<Reference> refs, Path out, ProgressListener progress) throws IOException {
        Map<Reference, Descriptor> roots = new LinkedHashMap<>();
        for (Reference ref : refs) {
            roots.put(ref, store.resolve(ref).orElseThrow(() -> new IllegalArgumentException(ref.familiar() + ": no such image in the local store")));
        }
        for (TaggedImage t : store.list()) {
            boolean signsSaved = t.isSignature() && roots.values().stream().anyMatch(d -> t.reference().tag().equals(d.digest().signatureTag()));
            if (signsSaved) {
                roots.put(t.reference(), t.descriptor());
            }
        }
        Set<Digest> blobs;
        try {
            blobs = new TreeSet<>(ImageGraph.reachable(store.source(), roots.values()));
        } catch (ImageFormatException e) {
            throw new IOException("the image store is damaged: " + e.getMessage(), e);
        }
        ObjectNode index = OciJson.MAPPER.createObjectNode();
        index.put("schemaVersion", 2);
        index.put("mediaType", MediaTypes.OCI_INDEX);
        ArrayNode manifests = index.putArray("manifests");
        roots.forEach((ref, d) -> manifests.add(OciJson.descriptor(d.withAnnotations(Map.of(
                ImageStore.REF_NAME, ref.manifestKey(), CONTAINERD_NAME, ref.toString())))));

        Path temp = out.resolveSibling(out.getFileName() + ".part");
        try (OutputStream file = Files.newOutputStream(temp); TarArchiveOutputStream tar = new TarArchiveOutputStream(file)) {
            tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            put(tar, "oci-layout", "{\"imageLayoutVersion\":\"1.0.0\"}".getBytes());
            put(tar, "index.json", OciJson.bytes(index));
            for (Digest d : blobs) {
                String step = "save " + d.shortHex();
                long size = store.blobs().size(d);
                progress.on(new ProgressEvent.StepStarted(step, size));
                TarArchiveEntry e = entry("blobs/sha256/" + d.hex(), size);
                tar.putArchiveEntry(e);
                try (InputStream in = store.blobs().open(d)) {
                    in.transferTo(tar);
                }
                tar.closeArchiveEntry();
                progress.on(new ProgressEvent.StepFinished(step, "done"));
            }
        }
        Files.move(temp, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /**
     * Loads every image of an OCI layout (tar or directory) into the store. An entry whose name is
     * only a tag (as skopeo writes them) takes {@code retag}, which must then be given.
     *
     * @return the references now in the store
     */
    public static List<Reference> load(ImageStore store, Path source, Reference retag, ProgressListener progress)
            throws IOException, ImageFormatException {
        try (Staging staging = store.stage()) {
            byte[] indexJson = Files.isDirectory(source) ? readDirectory(source, staging, progress) : readTar(source, staging, progress);
            if (indexJson == null) {
                throw new ImageFormatException(source + " is not an OCI image layout: it has no index.json");
            }
            JsonNode index = OciJson.tree(indexJson, source + " index.json");
            JsonNode entries = index.path("manifests");
            Map<Reference, Descriptor> tags = new LinkedHashMap<>();
            for (int i = 0; i < entries.size(); i++) {
                Descriptor d = OciJson.parseDescriptor(entries.get(i), "index.json manifests[" + i + "]");
                ImageValidator.validate(staging, d);
                tags.put(nameOf(d, retag, source), d.withAnnotations(Map.of()));
            }
            if (tags.isEmpty()) {
                throw new ImageFormatException(source + " holds no images (index.json lists no manifests)");
            }
            staging.commit(tags);
            return List.copyOf(tags.keySet());
        }
    }

    private static Reference nameOf(Descriptor d, Reference retag, Path source) throws ImageFormatException {
        String full = d.annotation(CONTAINERD_NAME);
        String refName = d.annotation(ImageStore.REF_NAME);
        if (retag != null) {
            return refName != null && retag.tag() == null ? retag.withTag(refName) : retag;
        }
        String name = full != null ? full : refName;
        if (name == null || !(name.contains("/") || name.contains(":"))) {
            throw new ImageFormatException(source + ": image " + d.digest() + " is named only "
                    + (name == null ? "by its digest" : "by tag \"" + name + "\"") + "; give a name with --tag REPO[:TAG]");
        }
        try {
            return Reference.parse(name);
        } catch (IllegalArgumentException e) {
            throw new ImageFormatException(source + ": " + e.getMessage());
        }
    }

    private static byte[] readTar(Path source, Staging staging, ProgressListener progress) throws IOException, ImageFormatException {
        byte[] index = null;
        try (TarArchiveInputStream tar = new TarArchiveInputStream(Files.newInputStream(source))) {
            for (TarArchiveEntry e; (e = tar.getNextEntry()) != null; ) {
                String name = LayerTar.checkName(e.getName(), source.toString());
                if (e.isSymbolicLink() || e.isLink()) {
                    throw new ImageFormatException(source + ": tar entry \"" + e.getName() + "\" is a link; an image layout holds only files");
                }
                if (e.isDirectory()) {
                    continue;
                }
                if (name.equals("index.json")) {
                    index = readCapped(tar, e.getSize(), source + " index.json");
                } else {
                    stageIfBlob(name, e.getSize(), tar, staging, progress, source);
                }
            }
        }
        return index;
    }

    private static byte[] readDirectory(Path dir, Staging staging, ProgressListener progress) throws IOException, ImageFormatException {
        Path blobs = dir.resolve("blobs").resolve("sha256");
        if (Files.isDirectory(blobs)) {
            List<Path> files;
            try (var list = Files.list(blobs)) {
                files = new ArrayList<>(list.sorted().toList());
            }
            for (Path f : files) {
                if (!Files.isRegularFile(f, LinkOption.NOFOLLOW_LINKS)) {
                    throw new ImageFormatException(f + " is not a regular file; an image layout holds only files");
                }
                try (InputStream in = Files.newInputStream(f)) {
                    stageIfBlob("blobs/sha256/" + f.getFileName(), Files.size(f), in, staging, progress, dir);
                }
            }
        }
        Path index = dir.resolve("index.json");
        if (!Files.isRegularFile(index, LinkOption.NOFOLLOW_LINKS)) {
            return null;
        }
        try (InputStream in = Files.newInputStream(index)) {
            return readCapped(in, Files.size(index), index.toString());
        }
    }

    private static void stageIfBlob(String name, long size, InputStream in, Staging staging, ProgressListener progress, Path source)
            throws IOException, ImageFormatException {
        Matcher m = BLOB.matcher(name);
        if (!m.matches()) {
            return; // oci-layout and anything else a layout may carry
        }
        if (!m.group(1).equals("sha256")) {
            throw new ImageFormatException(source + ": " + name + " uses digest algorithm " + m.group(1) + "; only sha256 is supported");
        }
        Digest digest = Digest.parse("sha256:" + m.group(2));
        String step = "load " + digest.shortHex();
        progress.on(new ProgressEvent.StepStarted(step, size));
        staging.blobs().write(digest, size, in, done -> progress.on(new ProgressEvent.StepProgress(step, done, size)));
        progress.on(new ProgressEvent.StepFinished(step, "verified"));
    }

    private static byte[] readCapped(InputStream in, long size, String what) throws IOException, ImageFormatException {
        if (size > OciJson.MAX_MANIFEST_BYTES) {
            throw new ImageFormatException(what + " is " + size + " bytes, over the 4 MiB limit for manifests");
        }
        return in.readNBytes((int) size);
    }

    private static void put(TarArchiveOutputStream tar, String name, byte[] content) throws IOException {
        tar.putArchiveEntry(entry(name, content.length));
        tar.write(content);
        tar.closeArchiveEntry();
    }

    private static TarArchiveEntry entry(String name, long size) {
        TarArchiveEntry e = new TarArchiveEntry(name);
        e.setSize(size);
        e.setMode(0644);
        e.setModTime(0);
        e.setIds(0, 0);
        e.setNames("", "");
        return e;
    }
}
