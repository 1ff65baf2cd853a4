package dev.skiff.image.registry;

import dev.skiff.image.oci.Descriptor;
import dev.skiff.image.oci.Digest;
import dev.skiff.image.oci.ImageFormatException;
import dev.skiff.image.oci.MediaTypes;
import dev.skiff.image.oci.OciJson;
import dev.skiff.image.oci.Reference;
import dev.skiff.image.store.BlobSource;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.LongConsumer;
import javax.net.ssl.SSLContext;

/**
 * {@link RegistryClient} over the OCI distribution API with {@code java.net.http}: token and basic
 * auth, retries and redirects ({@link RegistryHttp}); blobs are uploaded monolithically (POST for an
 * upload URL, then one PUT of the whole blob with {@code ?digest=}).
 */
public final class DistributionClient implements RegistryClient {
    private static final String OCTET_STREAM = "application/octet-stream";
    private static final Duration FIRST_RETRY_PAUSE = Duration.ofMillis(500);

    private final RegistryUrls urls;
    private final RegistryHttp http;

    /** Plain HTTP only to loopback registries and those in {@code insecureRegistries} ({@code host} or {@code host:port}). */
    public DistributionClient(RegistryCredentials credentials, Set<String> insecureRegistries) {
        this(credentials, insecureRegistries, FIRST_RETRY_PAUSE);
    }

    /** With the first pause between retries; each later one doubles it. */
    DistributionClient(RegistryCredentials credentials, Set<String> insecureRegistries, Duration backoff) {
        this(new RegistryUrls(insecureRegistries), new RegistryHttp(credentials, null, backoff));
    }

    /**
     * A client for registries reached only over HTTPS with {@code tls}, loopback included, and with no
     * credentials: a device's registry endpoint, where the fleet's client certificate is the
     * credential and {@code tls} pins the device's key.
     */
    public DistributionClient(SSLContext tls) {
        this(new RegistryUrls(Set.of(), true), new RegistryHttp(registry -> Optional.empty(), tls, FIRST_RETRY_PAUSE));
    }

    private DistributionClient(RegistryUrls urls, RegistryHttp http) {
        this.urls = urls;
        this.http = http;
    }

    @Override
    public void ping(String registry) throws IOException {
        RegistryTarget target = RegistryTarget.root(registry);
        HttpResponse<InputStream> response = http.send(target, RegistryHttp.Request.of("GET", urls.base(registry), Map.of()));
        expect(200, target, "checking the API at " + urls.base(registry), response).close();
    }

    @Override
    public boolean blobExists(Reference repository, Digest digest) throws IOException {
        return exists(RegistryTarget.pull(repository), urls.blob(repository, digest), Map.of(), "checking blob " + digest);
    }

    @Override
    public InputStream getBlob(Reference repository, Digest digest) throws IOException {
        RegistryTarget target = RegistryTarget.pull(repository);
        HttpResponse<InputStream> response = http.send(target, RegistryHttp.Request.of("GET", urls.blob(repository, digest), Map.of()));
        return expect(200, target, "downloading blob " + digest, response);
    }

    @Override
    public void uploadBlob(Reference repository, Descriptor blob, BlobSource content, LongConsumer progress) throws IOException {
        RegistryTarget target = RegistryTarget.push(repository);
        URI uploads = urls.uploads(repository);
        HttpResponse<InputStream> started = http.send(target, RegistryHttp.Request.of("POST", uploads, Map.of()));
        String action = "uploading blob " + blob.digest();
        expect(202, target, action, started).close();
        String location = started.headers().firstValue("Location")
                .orElseThrow(() -> new IOException(target.describe() + ": " + action + ": the registry started an upload but sent no Location"));
        URI put = RegistryUrls.completeUpload(uploads, location, blob.digest());
        HttpResponse<InputStream> done = http.send(target, new RegistryHttp.Request("PUT", put, Map.of("Content-Type", OCTET_STREAM),
                () -> BodyPublishers.fromPublisher(BodyPublishers.ofInputStream(() -> open(content, blob, progress)), blob.size())));
        expect(201, target, action, done).close();
    }

    @Override
    public Optional<ManifestContent> getManifest(Reference reference) throws IOException, ImageFormatException {
        RegistryTarget target = RegistryTarget.pull(reference);
        HttpResponse<InputStream> response = http.send(target,
                RegistryHttp.Request.of("GET", urls.manifest(reference), Map.of("Accept", MediaTypes.ACCEPT_ANY_MANIFEST)));
        if (response.statusCode() == 404) {
            response.body().close();
            return Optional.empty();
        }
        String what = "manifest " + reference.familiar() + " from registry " + reference.registry();
        byte[] content;
        try (InputStream body = expect(200, target, "getting manifest " + reference.manifestKey(), response)) {
            long declared = response.headers().firstValueAsLong("Content-Length").orElse(-1);
            content = body.readNBytes((int) Math.min(OciJson.MAX_MANIFEST_BYTES + 1L, declared >= 0 ? declared + 1 : Long.MAX_VALUE));
            if (declared > OciJson.MAX_MANIFEST_BYTES || content.length > OciJson.MAX_MANIFEST_BYTES) {
                throw new ImageFormatException(what + " is " + Math.max(declared, content.length)
                        + " bytes or more, over the 4 MiB limit for manifests");
            }
        }
        Digest actual = Digest.of(content);
        Optional<String> claimed = reference.digest() != null
                ? Optional.of(reference.digest().toString())
                : response.headers().firstValue("Docker-Content-Digest");
        if (claimed.isPresent() && !claimed.get().equals(actual.toString())) {
            throw new ImageFormatException(what + ": content hashes to " + actual + ", not to " + claimed.get() + " as it should");
        }
        return Optional.of(new ManifestContent(mediaType(response, content, what), content));
    }

    @Override
    public boolean manifestExists(Reference reference) throws IOException {
        return exists(RegistryTarget.pull(reference), urls.manifest(reference), Map.of("Accept", MediaTypes.ACCEPT_ANY_MANIFEST),
                "checking manifest " + reference.manifestKey());
    }

    @Override
    public void putManifest(Reference reference, ManifestContent manifest) throws IOException {
        RegistryTarget target = RegistryTarget.push(reference);
        HttpResponse<InputStream> response = http.send(target, new RegistryHttp.Request("PUT", urls.manifest(reference),
                Map.of("Content-Type", manifest.mediaType()), () -> BodyPublishers.ofByteArray(manifest.content())));
        expect(201, target, "storing manifest " + reference.manifestKey(), response).close();
    }

    private boolean exists(RegistryTarget target, URI uri, Map<String, String> headers, String action) throws IOException {
        HttpResponse<InputStream> response = http.send(target, RegistryHttp.Request.of("HEAD", uri, headers));
        if (response.statusCode() == 404) {
            response.body().close();
            return false;
        }
        expect(200, target, action, response).close();
        return true;
    }

    /** The body of a response with the expected status; otherwise the registry's error. */
    private static InputStream expect(int status, RegistryTarget target, String action, HttpResponse<InputStream> response) throws IOException {
        if (response.statusCode() != status) {
            throw RegistryErrors.failure(target, action, response);
        }
        return response.body();
    }

    /** Content-Type, unless it is missing or generic; then the manifest's own mediaType field. */
    private static String mediaType(HttpResponse<?> response, byte[] content, String what) throws ImageFormatException {
        String header = response.headers().firstValue("Content-Type").map(t -> t.split(";")[0].trim()).orElse("");
        if (!header.isEmpty() && !header.equals("application/json") && !header.equals("text/plain")) {
            return header;
        }
        String declared = OciJson.mediaTypeOf(content, what);
        if (declared == null) {
            throw new ImageFormatException(what + " has no media type, neither in Content-Type nor in the document");
        }
        return declared;
    }

    private static InputStream open(BlobSource content, Descriptor blob, LongConsumer progress) {
        try {
            return new CountingStream(content.open(blob.digest()), progress);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reports how many bytes of an upload have been read so far. */
    private static final class CountingStream extends FilterInputStream {
        private final LongConsumer progress;
        private long count;

        CountingStream(InputStream in, LongConsumer progress) {
            super(in);
            this.progress = progress;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                progress.accept(++count);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                progress.accept(count += n);
            }
            return n;
        }
    }
}
