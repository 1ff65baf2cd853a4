package dev.skiff.agent.pki;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;

/**
 * The operator's fleet CA in a directory: {@code ca.pem} and {@code ca.key} (the CA), and
 * {@code operator.pem} and {@code operator.key}, the client certificate the CLI presents to
 * agents. Devices enrolled with this CA answer only clients it signed.
 */
public final class FleetCa {
    private static final Duration CA_VALIDITY = Duration.ofDays(10 * 365);
    private static final Duration OPERATOR_VALIDITY = Duration.ofDays(2 * 365);
    private static final Duration DEVICE_VALIDITY = Duration.ofDays(5 * 365);

    private final Path dir;
    private final X509Certificate certificate;
    private final PrivateKey key;

    private FleetCa(Path dir, X509Certificate certificate, PrivateKey key) {
        this.dir = dir;
        this.certificate = certificate;
        this.key = key;
    }

    /** Makes a new CA and operator certificate in {@code dir}; refuses to replace an existing CA. */
    public static FleetCa init(Path dir, String name) throws IOException {
        if (Files.exists(dir.resolve("ca.key"))) {
            throw new FileAlreadyExistsException(dir.resolve("ca.key").toString(), null,
                    "a fleet CA exists already (devices enrolled with it would stop trusting you if it were replaced)");
        }
        KeyPair caKeys = Certificates.newKeyPair();
        X509Certificate ca = Certificates.selfSignedCa(caKeys, name, CA_VALIDITY);
        KeyPair operatorKeys = Certificates.newKeyPair();
        X509Certificate operator = Certificates.issue(ca, caKeys.getPrivate(), operatorKeys.getPublic(), name + " operator",
                Certificates.Purpose.CLIENT, OPERATOR_VALIDITY, List.of());
        // The CA key is written last: its presence is what marks the directory as a complete CA.
        PemFiles.writeKeyPair(dir.resolve("operator.key"), operatorKeys);
        PemFiles.writeCertificates(dir.resolve("operator.pem"), List.of(operator, ca));
        PemFiles.writeCertificates(dir.resolve("ca.pem"), List.of(ca));
        PemFiles.writeKeyPair(dir.resolve("ca.key"), caKeys);
        return new FleetCa(dir, ca, caKeys.getPrivate());
    }

    public static FleetCa open(Path dir) throws IOException {
        if (!Files.exists(dir.resolve("ca.key"))) {
            throw new IOException("no fleet CA in " + dir + ": make one with 'skiff ca init'");
        }
        return new FleetCa(dir, PemFiles.readCertificates(dir.resolve("ca.pem")).getFirst(), PemFiles.readKeyPair(dir.resolve("ca.key")).getPrivate());
    }

    public Path dir() {
        return dir;
    }

    public X509Certificate certificate() {
        return certificate;
    }

    /** The client identity the CLI presents to agents. */
    public Identity operator() throws IOException {
        return new Identity(PemFiles.readKeyPair(dir.resolve("operator.key")).getPrivate(), PemFiles.readCertificates(dir.resolve("operator.pem")));
    }

    /** A server certificate for a device's own key, under the name it is enrolled as, valid for the hosts it is reached at. */
    public X509Certificate issueDeviceCertificate(PublicKey deviceKey, String name, List<String> hosts) {
        return Certificates.issue(certificate, key, deviceKey, name, Certificates.Purpose.SERVER, DEVICE_VALIDITY, hosts);
    }

    /**
     * The client certificate a device presents to a TLS broker, for the same key and name. It is
     * marked as a device's ({@link Certificates#isDevice}), so no agent accepts it as an operator.
     */
    public X509Certificate issueBrokerCertificate(PublicKey deviceKey, String name) {
        return Certificates.issueDeviceClient(certificate, key, deviceKey, name, DEVICE_VALIDITY);
    }
}
