package dev.skiff.agent.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.skiff.agent.Agent;
import dev.skiff.agent.TestAgents;
import dev.skiff.agent.client.AgentApiException;
import dev.skiff.agent.client.AgentClient;
import dev.skiff.agent.client.DeviceEnroller;
import dev.skiff.agent.client.DeviceRecord;
import dev.skiff.agent.enroll.EnrollmentToken;
import dev.skiff.agent.pki.Certificates;
import dev.skiff.agent.pki.FleetCa;
import dev.skiff.agent.pki.Identity;
import dev.skiff.agent.pki.KeyPin;
import dev.skiff.agent.pki.PemFiles;
import dev.skiff.agent.tls.FleetTrustManager;
import dev.skiff.agent.tls.TlsContexts;
import dev.skiff.protocols.api.ReleaseInfo;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.PublicKey;
import java.util.List;
import java.util.Optional;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The API in one JVM: enrollment, who is let in, and errors as JSON with their status codes. */
class ApiServerTest {
    @TempDir Path dir;
    private Agent agent;
    private ApiServer server;
    private FleetCa ca;
    private String address;

    @BeforeEach
    void start() throws Exception {
        agent = TestAgents.open(dir.resolve("data"), 64L << 20);
        server = ApiServer.start(agent, new InetSocketAddress("127.0.0.1", 0));
        address = "127.0.0.1:" + server.port();
        ca = FleetCa.init(dir.resolve("ca"), "test CA");
    }

    @AfterEach
    void stop() {
        server.close();
        agent.close();
    }

    private DeviceRecord enroll() throws IOException {
        return DeviceEnroller.enroll(address, agent.enrollment().pendingToken().orElseThrow(), "pi", ca);
    }

    @Test
    void enrolledOperatorsAreServedAndTheTokenIsBurnt() throws Exception {
        EnrollmentToken token = agent.enrollment().pendingToken().orElseThrow();
        DeviceRecord device = enroll();
        assertEquals("pi", agent.enrollment().name().orElseThrow());
        assertTrue(agent.enrollment().pendingToken().isEmpty());
        AgentClient client = AgentClient.connect(device, ca);
        assertEquals("pi", client.info().name());
        assertEquals(List.of(), client.ps());

        AgentApiException reused = assertThrows(AgentApiException.class, () -> DeviceEnroller.enroll(address, token, "pi", ca));
        assertEquals(403, reused.status());
        assertTrue(reused.getMessage().contains("enrollment token was used"), reused.getMessage());
    }

    @Test
    void aWrongTokenIsRefused() {
        EnrollmentToken real = agent.enrollment().pendingToken().orElseThrow();
        EnrollmentToken wrong = new EnrollmentToken("00" + real.secret().substring(2), real.pin());
        AgentApiException e = assertThrows(AgentApiException.class, () -> DeviceEnroller.enroll(address, wrong, "pi", ca));
        assertEquals(403, e.status());
        assertTrue(agent.enrollment().name().isEmpty());
    }

    @Test
    void aTokenPinningAnotherKeyStopsTheOperatorBeforeItSendsAnything() {
        EnrollmentToken real = agent.enrollment().pendingToken().orElseThrow();
        EnrollmentToken forged = new EnrollmentToken(real.secret(), KeyPin.of(ca.certificate().getPublicKey()));
        IOException e = assertThrows(IOException.class, () -> DeviceEnroller.enroll(address, forged, "pi", ca));
        assertTrue(e.getMessage().contains("not the one the token names"), e.getMessage());
        assertTrue(agent.enrollment().pendingToken().isPresent());
    }

    @Test
    void clientsWithoutACertificateGet401() throws Exception {
        assertTrue(rawGet(null, "/v1/info").startsWith("HTTP/1.1 401"), "before enrollment");
        enroll();
        String answer = rawGet(null, "/v1/info");
        assertTrue(answer.startsWith("HTTP/1.1 401"), answer);
        assertTrue(answer.contains("{\"error\":\"a client certificate from the fleet CA is required"), answer);
        assertTrue(rawGet(null, "/metrics").startsWith("HTTP/1.1 401"), "metrics need a fleet certificate too");
    }

    @Test
    void certificatesOfAnotherCaOrOfADeviceFailTheHandshake() throws Exception {
        DeviceRecord device = enroll();
        Identity stranger = FleetCa.init(dir.resolve("other"), "other CA").operator();
        assertThrows(IOException.class, () -> rawGet(stranger, "/v1/info"));
        // a device certificate of the fleet: the right CA, but a server certificate, never a client
        KeyPair keys = Certificates.newKeyPair();
        Identity otherDevice = new Identity(keys.getPrivate(), List.of(ca.issueDeviceCertificate(keys.getPublic(), "pi2", List.of()), ca.certificate()));
        assertThrows(IOException.class, () -> rawGet(otherDevice, "/v1/info"));
        // its broker certificate: a client certificate of the right CA, but marked as a device's
        Identity otherDevicesBroker = new Identity(keys.getPrivate(), List.of(ca.issueBrokerCertificate(keys.getPublic(), "pi2"), ca.certificate()));
        assertThrows(IOException.class, () -> rawGet(otherDevicesBroker, "/v1/info"));
        assertEquals("pi", AgentClient.connect(device, ca).info().name());
    }

    @Test
    void errorsAreJsonWithStatusCodes() throws Exception {
        AgentClient client = AgentClient.connect(enroll(), ca);
        assertEquals(404, assertThrows(AgentApiException.class, () -> client.stop("nope")).status());
        assertEquals(404, assertThrows(AgentApiException.class, () -> client.history("nope")).status());
        AgentApiException badReference = assertThrows(AgentApiException.class, () -> client.deploy("app", "Not A Reference"));
        assertEquals(400, badReference.status());
        AgentApiException missing = assertThrows(AgentApiException.class, () -> client.deploy("app", "hello@sha256:" + "a".repeat(64)));
        assertEquals(409, missing.status());
        assertTrue(missing.getMessage().contains("not in the agent's store"), missing.getMessage());
    }

    @Test
    void deploysAndReportsThroughTheApi() throws Exception {
        AgentClient client = AgentClient.connect(enroll(), ca);
        String image = TestAgents.build(agent, TestAgents.sleeper(dir, "1", "0s", "8M")).toString();
        ReleaseInfo release = client.deploy("sleeper", image);
        assertEquals("ACTIVE", release.state());
        assertEquals("running", client.ps().getFirst().state());
        assertTrue(client.metrics().contains("\nskiff_containers{state=\"running\"} 1\n"), client.metrics());
        assertEquals(List.of(release.id()), client.history("sleeper").stream().map(ReleaseInfo::id).toList());
        List<String> lines = new java.util.concurrent.CopyOnWriteArrayList<>();
        Thread follower = Thread.ofVirtual().start(() -> {
            try {
                client.logs("sleeper", true, lines::add);
            } catch (IOException | java.io.UncheckedIOException e) {
                // interrupted below: the end of following
            }
        });
        TestAgents.awaitTrue(java.time.Duration.ofSeconds(5), () -> lines.size() >= 3, "three followed lines");
        follower.interrupt();
        assertTrue(lines.getFirst().contains(" stdout tick "), lines.toString());
        client.remove("sleeper");
        assertEquals(List.of(), client.ps());
    }

    /** A raw HTTP/1.1 GET over TLS 1.3 with an optional client identity, to this device (pinned). */
    private String rawGet(Identity identity, String path) throws IOException {
        PublicKey deviceKey = PemFiles.readKeyPair(dir.resolve("data/pki/device.key")).getPublic();
        FleetTrustManager thisDevice = new FleetTrustManager(Optional::empty, Optional.of(KeyPin.of(deviceKey)));
        var factory = TlsContexts.create(identity == null ? null : () -> identity, thisDevice).getSocketFactory();
        try (SSLSocket socket = (SSLSocket) factory.createSocket("127.0.0.1", server.port())) {
            socket.setSoTimeout(5000);
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + path + " HTTP/1.1\r\nHost: device\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
