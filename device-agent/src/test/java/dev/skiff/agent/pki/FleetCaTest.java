package dev.skiff.agent.pki;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.cert.X509Certificate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FleetCaTest {
    @Test
    void makesACaAndAnOperatorClientCertificateWithPrivateKeys(@TempDir Path dir) throws Exception {
        FleetCa ca = FleetCa.init(dir, "test CA");
        X509Certificate root = ca.certificate();
        root.verify(root.getPublicKey());
        assertEquals(0, root.getBasicConstraints());
        Identity operator = FleetCa.open(dir).operator();
        operator.certificate().verify(root.getPublicKey());
        assertTrue(Certificates.Purpose.CLIENT.allows(operator.certificate()));
        assertFalse(Certificates.Purpose.SERVER.allows(operator.certificate()));
        for (String key : new String[] {"ca.key", "operator.key"}) {
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve(key))), key);
        }
        assertTrue(Files.readString(dir.resolve("ca.key")).startsWith("-----BEGIN PRIVATE KEY-----"), "openssl reads PKCS#8");
    }

    @Test
    void issuesServerCertificatesForADevicesKey(@TempDir Path dir) throws Exception {
        FleetCa ca = FleetCa.init(dir, "test CA");
        var device = Certificates.newKeyPair();
        X509Certificate cert = ca.issueDeviceCertificate(device.getPublic(), "kitchen-pi", List.of("192.168.1.20", "kitchen.local"));
        cert.verify(ca.certificate().getPublicKey());
        assertEquals(device.getPublic(), cert.getPublicKey());
        assertEquals("kitchen-pi", Certificates.commonName(cert));
        assertTrue(Certificates.Purpose.SERVER.allows(cert));
        assertFalse(Certificates.Purpose.CLIENT.allows(cert), "a device certificate must not open other devices");
        // what host-name checking clients (skopeo, Prometheus) match the enrolled address against; 7 = IP, 2 = DNS
        assertEquals(List.of(List.of(7, "192.168.1.20"), List.of(2, "kitchen.local")), List.copyOf(cert.getSubjectAlternativeNames()));
    }

    @Test
    void issuesBrokerCertificatesMarkedAsADevicesForTheSameKey(@TempDir Path dir) throws Exception {
        FleetCa ca = FleetCa.init(dir, "test CA");
        var device = Certificates.newKeyPair();
        X509Certificate cert = ca.issueBrokerCertificate(device.getPublic(), "kitchen-pi");
        cert.verify(ca.certificate().getPublicKey());
        assertEquals(device.getPublic(), cert.getPublicKey());
        assertEquals("kitchen-pi", Certificates.commonName(cert));
        assertTrue(Certificates.Purpose.CLIENT.allows(cert), "brokers check the clientAuth usage");
        assertFalse(Certificates.Purpose.SERVER.allows(cert));
        assertTrue(Certificates.isDevice(cert));
        assertFalse(Certificates.isDevice(ca.operator().certificate()));
        assertFalse(Certificates.isDevice(ca.issueDeviceCertificate(device.getPublic(), "kitchen-pi", List.of())));
    }

    @Test
    void neverReplacesACa(@TempDir Path dir) throws Exception {
        FleetCa.init(dir, "test CA");
        assertThrows(FileAlreadyExistsException.class, () -> FleetCa.init(dir, "test CA"));
        assertTrue(assertThrows(java.io.IOException.class, () -> FleetCa.open(dir.resolve("none"))).getMessage().contains("skiff ca init"));
    }
}
