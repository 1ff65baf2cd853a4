package dev.skiff.image.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.skiff.image.oci.Digest;
import dev.skiff.image.oci.Reference;
import java.net.URI;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RegistryUrlsTest {
    private static final Digest D = Digest.of(new byte[] {1});
    private final RegistryUrls urls = new RegistryUrls(Set.of("device.local", "lab:5000"));

    @Test
    void dockerHubGoesToItsApiHostOverHttps() {
        Reference alpine = Reference.parse("alpine");
        assertEquals(URI.create("https://registry-1.docker.io/v2/library/alpine/manifests/latest"), urls.manifest(alpine));
        assertEquals(URI.create("https://registry-1.docker.io/v2/"), urls.base("docker.io"));
    }

    @Test
    void manifestsByTagOrDigestBlobsAndUploads() {
        Reference tagged = Reference.parse("ghcr.io/acme/app:1.0");
        assertEquals(URI.create("https://ghcr.io/v2/acme/app/manifests/1.0"), urls.manifest(tagged));
        assertEquals(URI.create("https://ghcr.io/v2/acme/app/manifests/" + D), urls.manifest(tagged.withDigest(D)));
        assertEquals(URI.create("https://ghcr.io/v2/acme/app/blobs/" + D), urls.blob(tagged, D));
        assertEquals(URI.create("https://ghcr.io/v2/acme/app/blobs/uploads/"), urls.uploads(tagged));
    }

    @Test
    void plainHttpOnlyForLoopbackAndInsecureHosts() {
        assertTrue(urls.plainHttp("127.0.0.1:5000"));
        assertTrue(urls.plainHttp("localhost"));
        assertTrue(urls.plainHttp("[::1]:5000"));
        assertEquals(URI.create("http://[::1]:5000/v2/"), urls.base("[::1]:5000"));
        assertTrue(urls.plainHttp("device.local:5000"), "a bare host covers every port");
        assertTrue(urls.plainHttp("device.local"));
        assertTrue(urls.plainHttp("lab:5000"));
        assertFalse(urls.plainHttp("lab:5001"), "host:port covers only that port");
        assertFalse(urls.plainHttp("ghcr.io"));
        assertFalse(urls.plainHttp("127example.com"), "only 127.x addresses are loopback");
        assertEquals(URI.create("https://lab:5001/v2/"), urls.base("lab:5001"));
    }

    @Test
    void uploadLocationRelativeOrAbsoluteGetsTheDigest() {
        URI uploads = URI.create("http://127.0.0.1:5000/v2/app/blobs/uploads/");
        String param = "digest=sha256%3A" + D.hex();
        assertEquals(URI.create("http://127.0.0.1:5000/v2/app/blobs/uploads/abc?" + param),
                RegistryUrls.completeUpload(uploads, "/v2/app/blobs/uploads/abc", D));
        assertEquals(URI.create("http://127.0.0.1:5000/v2/app/blobs/uploads/abc?_state=x%3D&" + param),
                RegistryUrls.completeUpload(uploads, "abc?_state=x%3D", D));
        assertEquals(URI.create("https://storage.example/up/1?sig=2&" + param),
                RegistryUrls.completeUpload(uploads, "https://storage.example/up/1?sig=2", D));
    }
}
