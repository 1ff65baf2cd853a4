package dev.skiff.agent.enroll;

import dev.skiff.agent.pki.Certificates;
import dev.skiff.agent.pki.Identity;
import dev.skiff.agent.pki.PemFiles;
import dev.skiff.agent.state.EnrollmentRecord;
import dev.skiff.agent.state.EnrollmentRepository;
import dev.skiff.agent.state.StateDb;
import dev.skiff.agent.tls.FleetTrustManager;
import dev.skiff.agent.tls.TlsContexts;
import dev.skiff.protocols.api.EnrollRequest;
import dev.skiff.protocols.api.EnrollResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import javax.net.ssl.SSLContext;

/**
 * The device side of enrollment, and so what the agent's TLS server presents and accepts.
 * Before enrollment: a self-signed certificate for the device key, no client accepted, and a
 * pending one-time token. {@link #enroll} checks the token and the certificates the operator made
 * (for this device's key, by the CA sent along), stores them, burns the token, and from the next
 * handshake on the server presents its server certificate and accepts the CA's clients, and
 * {@link #clientContext} presents the broker certificate.
 *
 * <p>Crash safety: the certificate files are written first (each atomically), the token is
 * burnt in the database last; only the database says the device is enrolled, so a crash in
 * between leaves it unenrolled with its token still valid, and the files are rewritten next time.
 */
public final class Enrollment {
    private static final Duration BOOTSTRAP_VALIDITY = Duration.ofDays(365);

    /** What the TLS server uses now; replaced whole, so a handshake never sees half of a change. */
    private record Current(Identity identity, Optional<X509Certificate> ca, Optional<EnrollmentToken> token, Optional<String> name,
            Optional<Identity> broker) {}

    private final EnrollmentRepository repository;
    private final DeviceKeyFiles files;
    private final KeyPair key;
    private volatile Current current;

    private Enrollment(EnrollmentRepository repository, DeviceKeyFiles files, KeyPair key, Current current) {
        this.repository = repository;
        this.files = files;
        this.key = key;
        this.current = current;
    }

    /** Loads the device key (making it at the first start) and the enrollment, or a new token if there is none. */
    public static Enrollment open(StateDb db, Path pkiDir) throws IOException {
        EnrollmentRepository repository = new EnrollmentRepository(db);
        DeviceKeyFiles files = new DeviceKeyFiles(pkiDir);
        KeyPair key = files.loadOrCreateKey();
        Optional<EnrollmentRecord> record = repository.find();
        if (record.isPresent() && record.get().name().isPresent()) {
            Current enrolled = new Current(new Identity(key.getPrivate(), files.deviceChain()), Optional.of(files.ca()), Optional.empty(),
                    record.get().name(), files.brokerChain().map(chain -> new Identity(key.getPrivate(), chain)));
            return new Enrollment(repository, files, key, enrolled);
        }
        EnrollmentToken token;
        if (record.isPresent()) {
            token = EnrollmentToken.parse(record.get().token().orElseThrow());
        } else {
            token = EnrollmentToken.generate(key.getPublic());
            repository.createToken(token.toString());
        }
        X509Certificate bootstrap = Certificates.selfSigned(key, "skiff-agent bootstrap", Certificates.Purpose.SERVER, BOOTSTRAP_VALIDITY);
        Current pending = new Current(new Identity(key.getPrivate(), List.of(bootstrap)), Optional.empty(), Optional.of(token), Optional.empty(),
                Optional.empty());
        return new Enrollment(repository, files, key, pending);
    }

    /** The token to print while the device waits to be enrolled. */
    public Optional<EnrollmentToken> pendingToken() {
        return current.token();
    }

    /** The device's public key, which its certificate must be issued for. */
    public PublicKey publicKey() {
        return key.getPublic();
    }

    /** The name the device was enrolled as. */
    public Optional<String> name() {
        return current.name();
    }

    /**
     * The server's TLS context: the current certificate, and clients checked against the current
     * fleet CA. Clients without a certificate get through the handshake (the API then lets them
     * enroll and nothing else); clients with a certificate the CA did not sign do not.
     */
    public SSLContext serverContext() {
        return TlsContexts.create(() -> current.identity(), new FleetTrustManager(() -> current.ca(), Optional.empty()));
    }

    /**
     * The context the device connects out with (to the fleet's MQTT broker): it presents its
     * broker certificate and trusts servers whose certificate the fleet CA signed.
     *
     * @throws IllegalStateException saying what to do, when the device has no broker certificate
     *     (not enrolled yet, or enrolled by an operator that sent none)
     */
    public SSLContext clientContext() {
        Current now = current;
        if (now.broker().isEmpty()) {
            throw new IllegalStateException(now.name().isEmpty()
                    ? "this device is not enrolled yet; it connects to an ssl:// broker once 'skiff device enroll' gave it a certificate"
                    : "this device was enrolled without a broker certificate (by an older skiff); re-enroll it with this one"
                            + " (a fresh data directory, then 'skiff device enroll') to use an ssl:// broker, or use a tcp:// broker");
        }
        Identity broker = now.broker().get();
        return TlsContexts.create(() -> broker, new FleetTrustManager(now::ca, Optional.empty()));
    }

    public synchronized EnrollResponse enroll(EnrollRequest request) throws EnrollmentRefusedException, IOException {
        Current now = current;
        if (now.token().isEmpty()) {
            throw new EnrollmentRefusedException("this device is enrolled already (as " + now.name().orElse("?")
                    + "); its enrollment token was used and cannot be used again");
        }
        if (request.token() == null || !MessageDigest.isEqual(request.token().getBytes(StandardCharsets.UTF_8),
                now.token().get().toString().getBytes(StandardCharsets.UTF_8))) {
            throw new EnrollmentRefusedException("wrong enrollment token");
        }
        X509Certificate ca = PemFiles.parseCertificates(required(request.caCertificate(), "caCertificate"), "caCertificate").getFirst();
        List<X509Certificate> chain = PemFiles.parseCertificates(required(request.deviceCertificate(), "deviceCertificate"), "deviceCertificate");
        X509Certificate device = chain.getFirst();
        checkIssued(ca, device, "deviceCertificate", Certificates.Purpose.SERVER);
        Optional<X509Certificate> broker = Optional.ofNullable(request.brokerCertificate())
                .map(pem -> PemFiles.parseCertificates(pem, "brokerCertificate").getFirst());
        if (broker.isPresent()) {
            checkIssued(ca, broker.get(), "brokerCertificate", Certificates.Purpose.CLIENT);
            if (!Certificates.isDevice(broker.get())) {
                throw new IllegalArgumentException("brokerCertificate is not marked as a device's (OU=skiff-device)");
            }
        }
        files.store(ca, device, broker);
        String name = Certificates.commonName(device);
        repository.markEnrolled(name);
        current = new Current(new Identity(key.getPrivate(), List.of(device, ca)), Optional.of(ca), Optional.empty(), Optional.of(name),
                broker.map(b -> new Identity(key.getPrivate(), List.of(b, ca))));
        return new EnrollResponse(name);
    }

    private void checkIssued(X509Certificate ca, X509Certificate leaf, String field, Certificates.Purpose purpose) {
        if (ca.getBasicConstraints() < 0) {
            throw new IllegalArgumentException("caCertificate is not a CA certificate");
        }
        if (!leaf.getPublicKey().equals(key.getPublic())) {
            throw new IllegalArgumentException(field + " is for another key than this device's");
        }
        if (!purpose.allows(leaf)) {
            throw new IllegalArgumentException(field + " is not a " + purpose.name().toLowerCase() + " certificate");
        }
        try {
            ca.verify(ca.getPublicKey());
            leaf.verify(ca.getPublicKey());
            leaf.checkValidity();
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException(field + " was not issued by caCertificate, or is not valid now: " + e.getMessage(), e);
        }
    }

    private static String required(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("the enrollment request has no " + field);
        }
        return value;
    }
}
