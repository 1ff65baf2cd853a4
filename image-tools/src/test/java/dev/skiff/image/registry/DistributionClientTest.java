package dev.skiff.image.registry;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.skiff.image.oci.Descriptor;
import dev.skiff.image.oci.Digest;
import dev.skiff.image.oci.ImageFormatException;
import dev.skiff.image.oci.MediaTypes;
import dev.skiff.image.oci.OciJson;
import dev.skiff.image.oci.Reference;
import dev.skiff.image.store.BlobSource;
import dev.skiff.image.store.BlobStore;
import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The distribution client against an in-process registry with bearer-token auth. */
class DistributionClientTest {
    private final FakeRegistry registry;
    private final Reference app;

    DistributionClientTest() throws IOException {
        registry = new FakeRegistry("alice", "s3cret");
        app = Reference.parse(registry.registry() + "/team/app:1");
    }

    @AfterEach
    void stop() {
        registry.close();
    }

    private DistributionClient client(Credential credential) {
        RegistryCredentials credentials = credential == null
                ? r -> Optional.empty()
                : RegistryCredentials.only(registry.registry(), credential);
        return new DistributionClient(credentials, Set.of(), Duration.ofMillis(1));
    }

    private static BlobSource source(Path dir, byte[]... blobs) throws IOException {
        BlobStore store = new BlobStore(dir);
        for (byte[] blob : blobs) {
            store.put(blob);
        }
        return BlobSource.of(store);
    }

    @Test
    void uploadsDownloadsAndFetchesOneTokenPerScope(@TempDir Path dir) throws Exception {
        DistributionClient client = client(new Credential("alice", "s3cret"));
        byte[] a = "first blob".getBytes(StandardCharsets.UTF_8);
        byte[] b = "second blob".getBytes(StandardCharsets.UTF_8);
        BlobSource source = source(dir, a, b);
        List<Long> progress = new ArrayList<>();
        for (byte[] blob : List.of(a, b)) {
            Descriptor d = Descriptor.of(MediaTypes.OCI_LAYER_TAR_GZIP, blob);
            assertFalse(client.blobExists(app, d.digest()));
            client.uploadBlob(app, d, source, progress::add);
            assertTrue(client.blobExists(app, d.digest()));
        }
        assertEquals((long) b.length, progress.getLast());
        assertEquals(2, registry.tokenRequests.get(), "one token for pull, one for pull,push: " + registry.requests);

        try (InputStream in = client.getBlob(app, Digest.of(a))) {
            assertArrayEquals(a, in.readAllBytes());
        }
        assertEquals(List.of("null"), registry.storageAuthorizations, "the token must not follow a redirect to another host");
    }

    @Test
    void manifestsRoundTripByTagAndDigestWithTheirMediaType() throws Exception {
        DistributionClient client = client(new Credential("alice", "s3cret"));
        byte[] index = "{\"schemaVersion\":2,\"mediaType\":\"application/vnd.oci.image.index.v1+json\",\"manifests\":[]}"
                .getBytes(StandardCharsets.UTF_8);
        ManifestContent content = new ManifestContent(MediaTypes.OCI_INDEX, index);
        assertFalse(client.manifestExists(app));
        assertEquals(Optional.empty(), client.getManifest(app));
        client.putManifest(app, content);
        assertTrue(client.manifestExists(app));
        assertTrue(client.manifestExists(app.withDigest(content.digest())));
        ManifestContent byTag = client.getManifest(app).orElseThrow();
        assertEquals(MediaTypes.OCI_INDEX, byTag.mediaType());
        assertArrayEquals(index, byTag.content());
        assertArrayEquals(index, client.getManifest(app.withDigest(content.digest())).orElseThrow().content());
    }

    @Test
    void manifestsOverTheLimitOrNotMatchingTheirDigestAreRefused() throws Exception {
        DistributionClient client = client(new Credential("alice", "s3cret"));
        byte[] huge = new byte[OciJson.MAX_MANIFEST_BYTES + 1];
        registry.manifests.put("team/app:huge", new FakeRegistry.Manifest(MediaTypes.OCI_MANIFEST, huge));
        var tooBig = assertThrows(ImageFormatException.class, () -> client.getManifest(app.withTag("huge")));
        assertTrue(tooBig.getMessage().contains("over the 4 MiB limit"), tooBig.getMessage());

        byte[] small = "{}".getBytes(StandardCharsets.UTF_8);
        registry.manifests.put("team/app:lies", new FakeRegistry.Manifest(MediaTypes.OCI_MANIFEST, small));
        registry.lyingTags.add("lies");
        var lying = assertThrows(ImageFormatException.class, () -> client.getManifest(app.withTag("lies")));
        assertTrue(lying.getMessage().contains("hashes to " + Digest.of(small)), lying.getMessage());

        registry.manifests.put("team/app@" + Digest.of(new byte[] {1}), new FakeRegistry.Manifest(MediaTypes.OCI_MANIFEST, small));
        var wrongDigest = assertThrows(ImageFormatException.class, () -> client.getManifest(app.withDigest(Digest.of(new byte[] {1}))));
        assertTrue(wrongDigest.getMessage().contains("not to " + Digest.of(new byte[] {1})), wrongDigest.getMessage());
    }

    @Test
    void retriesServerErrorsButGivesUpAfterThreeAttempts() throws Exception {
        DistributionClient client = client(new Credential("alice", "s3cret"));
        registry.failNext.set(2);
        client.ping(registry.registry());
        registry.failNext.set(3);
        var e = assertThrows(IOException.class, () -> client.ping(registry.registry()));
        assertEquals("registry " + registry.registry() + ": checking the API at http://" + registry.registry()
                + "/v2/ failed with HTTP 503 (UNAVAILABLE: try later)", e.getMessage());
    }

    @Test
    void clientErrorsAreNotRetriedAndCarryTheRegistrysMessage() throws Exception {
        DistributionClient client = client(new Credential("alice", "s3cret"));
        Reference denied = Reference.parse(registry.registry() + "/denied/app:1");
        registry.requests.clear();
        var e = assertThrows(IOException.class, () -> client.putManifest(denied, new ManifestContent(MediaTypes.OCI_MANIFEST, new byte[] {'{', '}'})));
        assertEquals("registry " + registry.registry() + ", repository denied/app: storing manifest 1 failed with HTTP 403 (DENIED: no pushing here)",
                e.getMessage());
        assertEquals(2, registry.requests.stream().filter(r -> r.startsWith("PUT")).count(),
                "one PUT answered 401, one with the token; the 403 is not retried: " + registry.requests);
    }

    @Test
    void wrongOrMissingCredentialsSayWhatToDo() {
        var wrong = assertThrows(IOException.class, () -> client(new Credential("alice", "nope")).blobExists(app, Digest.of(new byte[0])));
        assertEquals("registry " + registry.registry() + " refused the credentials for team/app (run skiff login " + registry.registry() + ")",
                wrong.getMessage());
        var none = assertThrows(IOException.class, () -> client(null).blobExists(app, Digest.of(new byte[0])));
        assertEquals("registry " + registry.registry() + " requires credentials for team/app (run skiff login " + registry.registry() + ")",
                none.getMessage());
        var login = assertThrows(IOException.class, () -> client(new Credential("alice", "nope")).ping(registry.registry()));
        assertEquals("registry " + registry.registry() + " refused the credentials", login.getMessage());
    }

    @Test
    void aConfiguredCredentialHelperIsNamed() {
        RegistryCredentials helperOnly = new RegistryCredentials() {
            @Override
            public Optional<Credential> forRegistry(String r) {
                return Optional.empty();
            }

            @Override
            public Optional<String> helperFor(String r) {
                return Optional.of("desktop");
            }
        };
        var e = assertThrows(IOException.class,
                () -> new DistributionClient(helperOnly, Set.of(), Duration.ofMillis(1)).blobExists(app, Digest.of(new byte[0])));
        assertTrue(e.getMessage().contains("credential helper \"desktop\"") && e.getMessage().contains("not support credential helpers yet"),
                e.getMessage());
    }

    @Test
    void anUnreachableRegistryIsNamedAfterThreeAttempts() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        var e = assertThrows(IOException.class, () -> client(null).ping("127.0.0.1:" + port));
        assertEquals("cannot reach registry 127.0.0.1:" + port + " at http://127.0.0.1:" + port + "/v2/ after 3 attempts: connection refused",
                e.getMessage());
    }
}
