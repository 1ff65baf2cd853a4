package dev.skiff.agent.enroll;

import dev.skiff.agent.pki.Certificates;
import dev.skiff.agent.pki.PemFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.util.List;

/**
 * The device's key and fleet certificates under {@code DATA/pki}: {@code device.key} (made at the
 * first start, mode 0600, never leaves the device), {@code fleet-ca.pem} and {@code device.pem}
 * (written at enrollment, each crash-safe; the database says whether they count).
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

    void store(X509Certificate ca, X509Certificate device) throws IOException {
        PemFiles.writeCertificates(dir.resolve("fleet-ca.pem"), List.of(ca));
        PemFiles.writeCertificates(dir.resolve("device.pem"), List.of(device, ca));
    }

    X509Certificate ca() throws IOException {
        return PemFiles.readCertificates(dir.resolve("fleet-ca.pem")).getFirst();
    }

    List<X509Certificate> deviceChain() throws IOException {
        return PemFiles.readCertificates(dir.resolve("device.pem"));
    }
}
