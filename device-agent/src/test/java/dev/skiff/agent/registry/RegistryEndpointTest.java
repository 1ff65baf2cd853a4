package dev.skiff.agent.registry;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.skiff.agent.Agent;
import dev.skiff.agent.TestAgents;
import dev.skiff.agent.api.ApiServer;
import dev.skiff.agent.client.DeviceEnroller;
import dev.skiff.agent.client.DeviceRecord;
import dev.skiff.agent.pki.FleetCa;
import dev.skiff.agent.pki.Identity;
import dev.skiff.agent.pki.KeyPin;
import dev.skiff.agent.tls.FleetTrustManager;
import dev.skiff.agent.tls.TlsContexts;
import dev.skiff.image.oci.Digest;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The device's registry endpoint in one JVM: the upload flows, and each refusal with its distribution error code. */
class RegistryEndpointTest {
    private static final String OCI_MANIFEST = "application/vnd.oci.image.manifest.v1+json";

    @TempDir Path dir;
    private Agent agent;
    private ApiServer server;
    private HttpClient operator;
    private HttpClient anonymous;

    @BeforeEach
    void start() throws Exception {
        agent = TestAgents.open(dir.resolve("data"), 64L << 20);
        server = ApiServer.start(agent, new InetSocketAddress("127.0.0.1", 0));
        FleetCa ca = FleetCa.init(dir.resolve("ca"), "test CA");
        DeviceRecord device = DeviceEnroller.enroll("127.0.0.1:" + server.port(), agent.enrollment().pendingToken().orElseThrow(), "pi", ca);
        Identity identity = ca.operator();
        Optional<KeyPin> pin = Optional.of(KeyPin.parse(device.keyPin()));
        operator = HttpClient.newBuilder()
                .sslContext(TlsContexts.create(() -> identity, new FleetTrustManager(() -> Optional.of(ca.certificate()), pin))).build();
        anonymous = HttpClient.newBuilder().sslContext(TlsContexts.create(null, new FleetTrustManager(Optional::empty, pin))).build();
    }

    @AfterEach
    void stop() {
        server.close();
        agent.close();
    }

    @Test
    void answersAsARegistryAndOnlyToOperators() throws Exception {
        HttpResponse<String> root = send(operator, "GET", "/v2/", Map.of(), null);
        assertEquals(200, root.statusCode());
        assertEquals(Optional.of("registry/2.0"), root.headers().firstValue("Docker-Distribution-API-Version"));

        HttpResponse<String> refused = send(anonymous, "GET", "/v2/", Map.of(), null);
        assertEquals(401, refused.statusCode());
        assertTrue(refused.body().contains("\"code\":\"UNAUTHORIZED\""), refused.body());
        assertEquals(401, send(anonymous, "POST", "/v2/app/blobs/uploads/", Map.of(), new byte[0]).statusCode());
    }

    @Test
    void chunkedUploadBecomesABlobOnlyWhenItsDigestIsGiven() throws Exception {
        byte[] blob = "hello, board".getBytes(StandardCharsets.UTF_8);
        Digest digest = Digest.of(blob);
        HttpResponse<String> started = send(operator, "POST", "/v2/acme/app/blobs/uploads/", Map.of(), new byte[0]);
        assertEquals(202, started.statusCode());
        String upload = started.headers().firstValue("Location").orElseThrow();
        assertEquals(202, send(operator, "PATCH", upload, Map.of("Content-Range", "0-4"), slice(blob, 0, 5)).statusCode());
        assertEquals(416, send(operator, "PATCH", upload, Map.of("Content-Range", "0-6"), slice(blob, 5, 12)).statusCode());
        HttpResponse<String> second = send(operator, "PATCH", upload, Map.of("Content-Range", "5-11"), slice(blob, 5, 12));
        assertEquals("0-11", second.headers().firstValue("Range").orElseThrow());
        assertEquals(404, send(operator, "HEAD", "/v2/acme/app/blobs/" + digest, Map.of(), null).statusCode(), "not a blob yet");

        HttpResponse<String> done = send(operator, "PUT", upload + "?digest=" + digest, Map.of(), new byte[0]);
        assertEquals(201, done.statusCode(), done.body());
        assertEquals(Optional.of(digest.toString()), done.headers().firstValue("Docker-Content-Digest"));
        HttpResponse<String> head = send(operator, "HEAD", "/v2/other/blobs/" + digest, Map.of(), null);
        assertEquals(Optional.of("12"), head.headers().firstValue("Content-Length"), "the store shares blobs across names");
        assertArrayEquals(blob, send(operator, "GET", "/v2/acme/app/blobs/" + digest, Map.of(), null).body().getBytes(StandardCharsets.UTF_8));
        assertError(404, "BLOB_UPLOAD_UNKNOWN", send(operator, "PUT", upload + "?digest=" + digest, Map.of(), new byte[0]));
    }

    @Test
    void blobsThatDoNotMatchTheirDigestAreRefusedAndLeaveNothing() throws Exception {
        byte[] blob = "real content".getBytes(StandardCharsets.UTF_8);
        Digest other = Digest.of("other content".getBytes(StandardCharsets.UTF_8));
        assertError(400, "DIGEST_INVALID", send(operator, "POST", "/v2/app/blobs/uploads/?digest=sha256:abc", Map.of(), blob));
        assertError(400, "DIGEST_INVALID", send(operator, "POST", "/v2/app/blobs/uploads/?digest=" + other, Map.of(), blob));
        assertError(404, "BLOB_UNKNOWN", send(operator, "GET", "/v2/app/blobs/" + other, Map.of(), null));
        assertEquals(201, send(operator, "POST", "/v2/app/blobs/uploads/?digest=" + Digest.of(blob), Map.of(), blob).statusCode());
    }

    @Test
    void manifestsAreRefusedUnlessWholeAndSound() throws Exception {
        Digest missing = Digest.of("not pushed".getBytes(StandardCharsets.UTF_8));
        String manifest = """
                {"schemaVersion":2,"mediaType":"%s",
                 "config":{"mediaType":"application/vnd.oci.image.config.v1+json","digest":"%s","size":10},
                 "layers":[]}""".formatted(OCI_MANIFEST, missing);
        byte[] json = manifest.getBytes(StandardCharsets.UTF_8);
        Map<String, String> type = Map.of("Content-Type", OCI_MANIFEST);
        assertError(400, "MANIFEST_BLOB_UNKNOWN", send(operator, "PUT", "/v2/app/manifests/1", type, json));
        assertError(400, "DIGEST_INVALID", send(operator, "PUT", "/v2/app/manifests/" + missing, type, json));
        assertError(400, "MANIFEST_INVALID", send(operator, "PUT", "/v2/app/manifests/1", type, "{\"schemaVersion\":".getBytes(StandardCharsets.UTF_8)));
        assertError(400, "MANIFEST_INVALID", send(operator, "PUT", "/v2/app/manifests/1", Map.of("Content-Type", "text/x-sh"), json));
        byte[] huge = new byte[(4 << 20) + 1];
        assertError(400, "MANIFEST_INVALID", send(operator, "PUT", "/v2/app/manifests/1", type, huge));
        assertError(404, "NAME_UNKNOWN", send(operator, "GET", "/v2/app/manifests/1", Map.of(), null));
        assertTrue(agent.content().images().list().isEmpty());
    }

    private static void assertError(int status, String code, HttpResponse<String> response) {
        assertEquals(status, response.statusCode(), response.body());
        assertTrue(response.body().contains("\"code\":\"" + code + "\""), response.body());
    }

    private HttpResponse<String> send(HttpClient client, String method, String path, Map<String, String> headers, byte[] body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("https://127.0.0.1:" + server.port()).resolve(path))
                .method(method, body == null ? BodyPublishers.noBody() : BodyPublishers.ofByteArray(body));
        headers.forEach(request::header);
        return client.send(request.build(), BodyHandlers.ofString());
    }

    private static byte[] slice(byte[] bytes, int from, int to) {
        return java.util.Arrays.copyOfRange(bytes, from, to);
    }
}
