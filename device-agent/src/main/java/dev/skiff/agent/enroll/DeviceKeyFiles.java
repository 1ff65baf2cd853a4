package dev.skiff.agent.enroll;

import dev.skiff.agent.pki.Certificates;
import dev.skiff.agent.pki.PemFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Optional;

/**
 * The device's key and fleet certificates under {@code DATA/pki}: {@code device.key} (made at the
 * first start, mode 0600, never leaves the device), {@code fleet-ca.pem}, {@code device.pem} and,
 * from operators that send one, {@code broker.pem} (written at enrollment, each crash-safe; the
 * database says whether they count).
 */
final class DeviceKeyFiles {
    private final Path dir;

    DeviceKeyFiles(Path dir) {
        this.dir = dir;
    }

    KeyPair loadOrCreateKey() throws IOException {
        Path file = dir.resolve("device.key");
        if (!Files.exists(file)) {
            PemFiles.writeKeyPair(file, Certificates.newKeyPair());
        }
        return PemFiles.readKeyPair(file);
    }

    void store(X509Certificate ca, X509Certificate device, Optional<X509Certificate> broker) throws IOException {
        PemFiles.writeCertificates(dir.resolve("fleet-ca.pem"), List.of(ca));
        PemFiles.writeCertificates(dir.resolve("device.pem"), List.of(device, ca));
        if (broker.isPresent()) {
            PemFiles.writeCertificates(dir.resolve("broker.pem"), List.of(broker.get(), ca));
        } else {
            Files.deleteIfExists(dir.resolve("broker.pem")); // left by an attempt that crashed before the database said enrolled
        }
    }

    X509Certificate ca() throws IOException {
        return PemFiles.readCertificates(dir.resolve("fleet-ca.pem")).getFirst();
    }

    List<X509Certificate> deviceChain() throws IOException {
        return PemFiles.readCertificates(dir.resolve("device.pem"));
    }

    /** Empty for a device enrolled without one. */
    Optional<List<X509Certificate>> brokerChain() throws IOException {
        Path file = dir.resolve("broker.pem");
        return Files.exists(file) ? Optional.of(PemFiles.readCertificates(file)) : Optional.empty();
    }
}
