package dev.skiff.agent.registry;

import dev.skiff.image.oci.Digest;
import dev.skiff.image.oci.ImageFormatException;
import dev.skiff.image.store.ImageStore;
import dev.skiff.image.store.Staging;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Blob uploads, in the three shapes clients use: monolithic ({@code POST …/uploads/?digest=} with
 * the blob), {@code POST} then one {@code PUT ?digest=} with the blob (Skiff's client), and
 * {@code POST}, {@code PATCH}es, {@code PUT ?digest=} (skopeo). A finished upload is written into a
 * {@link Staging} area, which checks it against its digest, and only then moved into the store:
 * no blob is ever visible before it was verified.
 */
final class BlobUploads {
    /** Uploads left unfinished this long are dropped when the next one starts. */
    private static final Duration ABANDONED = Duration.ofHours(1);
    /** More unfinished uploads than this are refused: each holds a file on a small board's disk. */
    private static final int MAX_OPEN = 32;
    private static final Pattern CONTENT_RANGE = Pattern.compile("(?:bytes )?(\\d+)-(\\d+)");

    private final ImageStore store;
    private final Path dir;
    private final Map<String, UploadSession> open = new ConcurrentHashMap<>();

    /** Deletes what uploads of an earlier run left in {@code dir}: their sessions died with that process. */
    BlobUploads(ImageStore store, Path dir) throws IOException {
        this.store = store;
        this.dir = dir;
        if (Files.exists(dir)) {
            try (Stream<Path> walk = Files.walk(dir)) {
                for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
        Files.createDirectories(dir);
    }

    /** {@code POST /v2/NAME/blobs/uploads/}: the whole blob when {@code ?digest=} is given, else a new session. */
    void start(RegistryExchange exchange, RegistryPath path) throws IOException {
        var digest = exchange.digestParameter();
        if (digest.isPresent()) {
            store(digest.get(), exchange.body());
            created(exchange, path.name(), digest.get());
            return;
        }
        // ?mount=&from= asks for a blob of another repository; the store shares blobs across them,
        // so the client's HEAD found it already if it is here, and a plain upload is the answer
        dropAbandoned();
        if (open.size() >= MAX_OPEN) {
            throw RegistryError.TOOMANYREQUESTS.because(MAX_OPEN + " uploads are unfinished on this device; finish or cancel one first");
        }
        String id = UUID.randomUUID().toString();
        UploadSession session = new UploadSession(id, path.name(), dir.resolve(id));
        open.put(id, session);
        progress(exchange, session, 202);
    }

    /** {@code PATCH /v2/NAME/blobs/uploads/ID}: one more chunk. */
    void patch(RegistryExchange exchange, RegistryPath path) throws IOException {
        UploadSession session = session(path);
        long start = exchange.header("Content-Range").map(range -> chunkStart(range, exchange)).orElse(-1L);
        session.append(exchange.body(), start);
        progress(exchange, session, 202);
    }

    /** {@code PUT /v2/NAME/blobs/uploads/ID?digest=}: the last chunk (maybe empty), then verify and store. */
    void finish(RegistryExchange exchange, RegistryPath path) throws IOException {
        UploadSession session = session(path);
        Digest digest = exchange.digestParameter()
                .orElseThrow(() -> RegistryError.DIGEST_INVALID.because("completing upload " + session.id() + " needs ?digest="));
        open.remove(session.id());
        try (InputStream sent = session.content()) {
            store(digest, new SequenceInputStream(sent, exchange.body()));
        } finally {
            session.delete();
        }
        created(exchange, path.name(), digest);
    }

    /** {@code GET /v2/NAME/blobs/uploads/ID}: how far an upload got. */
    void status(RegistryExchange exchange, RegistryPath path) throws IOException {
        progress(exchange, session(path), 204);
    }

    /** {@code DELETE /v2/NAME/blobs/uploads/ID}: cancel it. */
    void cancel(RegistryExchange exchange, RegistryPath path) throws IOException {
        UploadSession session = session(path);
        open.remove(session.id());
        session.delete();
        exchange.headers(204, 0);
    }

    private void store(Digest digest, InputStream content) throws IOException {
        try (Staging staging = store.stage()) {
            staging.blobs().write(digest, -1, content, n -> {});
            store.blobs().adopt(staging.blobs(), digest);
        } catch (ImageFormatException e) {
            throw RegistryError.DIGEST_INVALID.because(e.getMessage());
        }
    }

    private UploadSession session(RegistryPath path) {
        UploadSession session = open.get(path.argument());
        if (session == null || !session.name().equals(path.name())) {
            throw RegistryError.BLOB_UPLOAD_UNKNOWN.because("no upload " + path.argument() + " to " + path.name() + " is in progress");
        }
        return session;
    }

    /** Where a {@code Content-Range: START-END} chunk begins; its Content-Length must be what the range says. */
    private static long chunkStart(String range, RegistryExchange exchange) {
        Matcher m = CONTENT_RANGE.matcher(range.trim());
        if (!m.matches()) {
            throw RegistryError.SIZE_INVALID.because("Content-Range " + range + " is not START-END");
        }
        long start = Long.parseLong(m.group(1));
        long length = Long.parseLong(m.group(2)) - start + 1;
        if (length < 1 || exchange.header("Content-Length").map(Long::parseLong).filter(n -> n != length).isPresent()) {
            throw RegistryError.SIZE_INVALID.because("Content-Range " + range + " does not fit the chunk's Content-Length");
        }
        return start;
    }

    private void dropAbandoned() throws IOException {
        Instant cutoff = Instant.now().minus(ABANDONED);
        for (UploadSession s : open.values()) {
            if (s.touched().isBefore(cutoff) && open.remove(s.id(), s)) {
                s.delete();
            }
        }
    }

    private static void progress(RegistryExchange exchange, UploadSession session, int status) throws IOException {
        exchange.header("Location", "/v2/" + session.name() + "/blobs/uploads/" + session.id());
        exchange.header("Docker-Upload-UUID", session.id());
        // the inclusive range received so far; "0-0" also stands for nothing yet, as distribution does it
        exchange.header("Range", "0-" + Math.max(0, session.length() - 1));
        exchange.headers(status, 0);
    }

    private static void created(RegistryExchange exchange, String name, Digest digest) throws IOException {
        exchange.header("Location", "/v2/" + name + "/blobs/" + digest);
        exchange.header("Docker-Content-Digest", digest.toString());
        exchange.headers(201, 0);
    }
}
