package dev.skiff.image.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.skiff.image.oci.Descriptor;
import dev.skiff.image.oci.Digest;
import dev.skiff.image.oci.ImageFormatException;
import dev.skiff.image.oci.OciJson;
import dev.skiff.image.oci.Reference;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The local image store: an OCI image layout ({@code oci-layout}, {@code index.json},
 * {@code blobs/sha256/}) whose index entries carry the full reference in
 * {@code org.opencontainers.image.ref.name}. Tag changes take a file lock and replace
 * {@code index.json} atomically, so concurrent CLI processes never lose each other's tags.
 */
public final class ImageStore {
    public static final String REF_NAME = "org.opencontainers.image.ref.name";
    private static final String LAYOUT = "{\"imageLayoutVersion\":\"1.0.0\"}";
    /**
     * File locks are held by the whole JVM: a second thread asking for one its JVM already holds
     * gets {@link java.nio.channels.OverlappingFileLockException} instead of waiting. So threads
     * of one process (the agent's API requests) queue on this lock first, one per store directory.
     */
    private static final Map<Path, ReentrantLock> IN_PROCESS = new ConcurrentHashMap<>();

    private final Path root;
    private final BlobStore blobs;

    private ImageStore(Path root) {
        this.root = root;
        this.blobs = new BlobStore(root);
    }

    public static ImageStore open(Path root) throws IOException {
        Files.createDirectories(root.resolve("blobs").resolve("sha256"));
        Path layout = root.resolve("oci-layout");
        if (!Files.exists(layout)) {
            Files.writeString(layout, LAYOUT);
        }
        return new ImageStore(root);
    }

    public Path root() {
        return root;
    }

    public BlobStore blobs() {
        return blobs;
    }

    public BlobSource source() {
        return BlobSource.of(blobs);
    }

    /** The image a reference names: by digest if it has one (and the store holds it), else by tag. */
    public Optional<Descriptor> resolve(Reference ref) throws IOException {
        List<TaggedImage> all = list();
        if (ref.digest() != null) {
            return all.stream().map(TaggedImage::descriptor).filter(d -> d.digest().equals(ref.digest())).findFirst();
        }
        String name = ref.toString();
        return all.stream().filter(t -> t.reference().toString().equals(name)).map(TaggedImage::descriptor).findFirst();
    }

    /** Every tag, signatures included, sorted by reference. */
    public List<TaggedImage> list() throws IOException {
        return readIndex().entrySet().stream()
                .map(e -> new TaggedImage(Reference.parse(e.getKey()), e.getValue()))
                .sorted(Comparator.comparing(t -> t.reference().toString()))
                .toList();
    }

    public void tag(Reference ref, Descriptor image) throws IOException {
        tagAll(Map.of(ref, image));
    }

    public void tagAll(Map<Reference, Descriptor> tags) throws IOException {
        locked(() -> {
            Map<String, Descriptor> index = readIndex();
            tags.forEach((ref, d) -> index.put(ref.toString(), d.withAnnotations(Map.of())));
            writeIndex(index);
            return null;
        });
    }

    /** Removes a tag (or every tag of a digest); returns what was removed. */
    public List<Reference> untag(Reference ref) throws IOException {
        return locked(() -> {
            Map<String, Descriptor> index = readIndex();
            List<Reference> removed = new ArrayList<>();
            index.entrySet().removeIf(e -> {
                boolean match = ref.digest() != null
                        ? e.getValue().digest().equals(ref.digest()) && Reference.parse(e.getKey()).repositoryName().equals(ref.repositoryName())
                        : e.getKey().equals(ref.toString());
                if (match) {
                    removed.add(Reference.parse(e.getKey()));
                }
                return match;
            });
            dropOrphanSignatures(index);
            writeIndex(index);
            return removed;
        });
    }

    /** Signatures of digests no image reaches any more go with the image. */
    private void dropOrphanSignatures(Map<String, Descriptor> index) throws IOException {
        List<Descriptor> images = new ArrayList<>();
        index.forEach((name, d) -> {
            if (!new TaggedImage(Reference.parse(name), d).isSignature()) {
                images.add(d);
            }
        });
        Set<Digest> live;
        try {
            live = ImageGraph.reachable(source(), images);
        } catch (ImageFormatException e) {
            return; // a damaged store keeps its signatures; gc reports the damage
        }
        index.keySet().removeIf(name -> {
            Reference ref = Reference.parse(name);
            return new TaggedImage(ref, null).isSignature() && live.stream().noneMatch(d -> d.signatureTag().equals(ref.tag()));
        });
    }

    /** A fresh staging area for an import; close it when done. */
    public Staging stage() throws IOException {
        Path dir = ingest().resolve("stage-" + UUID.randomUUID());
        Files.createDirectories(dir);
        return new Staging(this, dir);
    }

    /**
     * Deletes what imports that never finished left behind (staging areas, partial blobs): the
     * leftovers of a writer that was killed. Only an owner that knows no import is under way may
     * call it, such as the agent as it starts.
     */
    public void discardUnfinishedImports() throws IOException {
        Staging.deleteTree(ingest());
    }

    /** Where imports and blob writes stage their files; nothing there is part of the store. */
    private Path ingest() {
        return root.resolve("ingest");
    }

    /** Deletes blobs no tag reaches; returns how many bytes were freed. */
    public long gc() throws IOException {
        return gc(List.of());
    }

    /**
     * Deletes blobs that neither a tag nor one of {@code untaggedRoots} reaches (the agent's
     * releases name their images by digest only); returns how many bytes were freed.
     */
    public long gc(Collection<Descriptor> untaggedRoots) throws IOException {
        return locked(() -> {
            List<Descriptor> roots = new ArrayList<>(readIndex().values());
            roots.addAll(untaggedRoots);
            Set<Digest> live;
            try {
                live = ImageGraph.reachable(source(), roots);
            } catch (ImageFormatException e) {
                throw new IOException("store is damaged, not collecting garbage: " + e.getMessage(), e);
            }
            long freed = 0;
            for (Digest d : blobs.list()) {
                if (!live.contains(d)) {
                    freed += blobs.size(d);
                    blobs.delete(d);
                }
            }
            return freed;
        });
    }

    private Map<String, Descriptor> readIndex() throws IOException {
        Path file = root.resolve("index.json");
        Map<String, Descriptor> tags = new LinkedHashMap<>();
        if (!Files.exists(file)) {
            return tags;
        }
        try {
            JsonNode node = OciJson.tree(Files.readAllBytes(file), file.toString());
            JsonNode manifests = node.path("manifests");
            for (int i = 0; i < manifests.size(); i++) {
                Descriptor d = OciJson.parseDescriptor(manifests.get(i), file + " manifests[" + i + "]");
                String name = d.annotation(REF_NAME);
                if (name != null) {
                    tags.put(name, d.withAnnotations(Map.of()));
                }
            }
        } catch (ImageFormatException e) {
            throw new IOException("the image store's index is damaged: " + e.getMessage(), e);
        }
        return tags;
    }

    private void writeIndex(Map<String, Descriptor> tags) throws IOException {
        ObjectNode node = OciJson.MAPPER.createObjectNode();
        node.put("schemaVersion", 2);
        node.put("mediaType", dev.skiff.image.oci.MediaTypes.OCI_INDEX);
        ArrayNode manifests = node.putArray("manifests");
        new java.util.TreeMap<>(tags).forEach((name, d) -> manifests.add(OciJson.descriptor(d.withAnnotations(Map.of(REF_NAME, name)))));
        Path temp = root.resolve("index.json." + UUID.randomUUID() + ".tmp");
        Files.write(temp, OciJson.bytes(node));
        BlobStore.sync(temp);
        Files.move(temp, root.resolve("index.json"), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    /** Work on the store that must not interleave with another writer's; see {@link #locked}. */
    public interface Locked<T, E extends Exception> {
        T run() throws IOException, E;
    }

    /**
     * Runs {@code action} holding the store's lock (against other threads and other processes),
     * for a read-modify-write of tags such as adding a signature beside those already there: two
     * signers reading the same list would otherwise each write it back without the other's. Tag
     * changes inside {@code action} take the lock again, which its holder may.
     */
    public <T, E extends Exception> T locked(Locked<T, E> action) throws IOException, E {
        Path lockFile = root.resolve(".lock").toAbsolutePath().normalize();
        ReentrantLock inProcess = IN_PROCESS.computeIfAbsent(lockFile, f -> new ReentrantLock());
        if (inProcess.isHeldByCurrentThread()) {
            return action.run(); // its file lock is held already; locking the file again would throw
        }
        inProcess.lock();
        try (FileChannel ch = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                FileLock ignored = ch.lock()) {
            return action.run();
        } finally {
            inProcess.unlock();
        }
    }
}
