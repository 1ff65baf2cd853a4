package dev.skiff.agent.client;

import dev.skiff.agent.enroll.EnrollmentToken;
import dev.skiff.agent.pki.FleetCa;
import dev.skiff.agent.pki.KeyPin;
import dev.skiff.agent.pki.PemFiles;
import dev.skiff.agent.tls.FleetTrustManager;
import dev.skiff.agent.tls.TlsContexts;
import dev.skiff.protocols.api.EnrollRequest;
import java.io.IOException;
import java.net.URI;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Optional;
import javax.net.ssl.SSLSocket;

/**
 * The operator's side of enrollment (see {@code agent-api.yaml}): learn the device's key from a
 * TLS handshake that trusts only the key the token pins, issue a server and a broker certificate
 * for exactly that key, and post them with the token and the CA certificate.
 */
public final class DeviceEnroller {
    private static final int HANDSHAKE_TIMEOUT_MS = 10_000;

    private DeviceEnroller() {}

    /** @return the device as the registry should record it */
    public static DeviceRecord enroll(String address, EnrollmentToken token, String name, FleetCa ca) throws IOException {
        URI uri = URI.create("https://" + address);
        if (uri.getHost() == null || uri.getPort() < 0) {
            throw new IllegalArgumentException("'" + address + "' is not HOST:PORT");
        }
        PublicKey deviceKey = handshakeKey(uri, token.pin());
        KeyPin pin = KeyPin.of(deviceKey);
        AgentClient.enrolling(address, pin).enroll(request(token, deviceKey, name, uri.getHost(), ca));
        return DeviceRecord.enrolledNow(name, address, pin);
    }

    /**
     * What the operator sends a device to enroll it, however it reaches it: the CA, the device's
     * server certificate (valid for {@code host}, the host the fleet reaches it at) and its broker
     * certificate, both issued for the key the device showed.
     */
    public static EnrollRequest request(EnrollmentToken token, PublicKey deviceKey, String name, String host, FleetCa ca) {
        X509Certificate device = ca.issueDeviceCertificate(deviceKey, name, List.of(host));
        X509Certificate broker = ca.issueBrokerCertificate(deviceKey, name);
        return new EnrollRequest(token.toString(), PemFiles.toPem(ca.certificate()), PemFiles.toPem(device), PemFiles.toPem(broker));
    }

    /** The key the server at {@code address} proved it holds, if it is the pinned one. */
    private static PublicKey handshakeKey(URI uri, KeyPin pin) throws IOException {
        String address = uri.getAuthority();
        var factory = TlsContexts.create(null, new FleetTrustManager(Optional::empty, Optional.of(pin))).getSocketFactory();
        try (SSLSocket socket = (SSLSocket) factory.createSocket()) {
            socket.connect(new java.net.InetSocketAddress(uri.getHost(), uri.getPort()), HANDSHAKE_TIMEOUT_MS);
            socket.setSoTimeout(HANDSHAKE_TIMEOUT_MS);
            socket.startHandshake();
            return socket.getSession().getPeerCertificates()[0].getPublicKey();
        } catch (javax.net.ssl.SSLHandshakeException e) {
            throw new IOException("the device at " + address + " is not the one the token names (" + e.getMessage()
                    + "); check the address, and that the token is the one this device printed", e);
        } catch (java.net.ConnectException e) {
            throw new IOException("cannot reach " + address + " (is skiff-agent running there?)", e);
        }
    }
}
