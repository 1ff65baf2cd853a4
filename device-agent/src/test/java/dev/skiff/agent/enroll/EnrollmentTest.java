package dev.skiff.agent.enroll;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.skiff.agent.client.DeviceEnroller;
import dev.skiff.agent.pki.Certificates;
import dev.skiff.agent.pki.FleetCa;
import dev.skiff.agent.pki.PemFiles;
import dev.skiff.agent.state.StateDb;
import dev.skiff.protocols.api.EnrollRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The device side without a network: what survives restarts and crashes, and what is checked. */
class EnrollmentTest {
    @TempDir Path dir;

    private Enrollment open() throws Exception {
        try (StateDb db = StateDb.open(dir.resolve("state.db"))) {
            return Enrollment.open(db, dir.resolve("pki"));
        }
    }

    private EnrollRequest request(Enrollment enrollment, FleetCa ca) throws Exception {
        KeyPair device = PemFiles.readKeyPair(dir.resolve("pki/device.key"));
        return DeviceEnroller.request(enrollment.pendingToken().orElseThrow(), device.getPublic(), "pi", "127.0.0.1", ca);
    }

    @Test
    void theKeyAndTokenStayTheSameAcrossRestartsUntilUsed() throws Exception {
        EnrollmentToken first = open().pendingToken().orElseThrow();
        assertEquals(first, open().pendingToken().orElseThrow());
        assertTrue(first.pin().matches(PemFiles.readKeyPair(dir.resolve("pki/device.key")).getPublic()));
    }

    @Test
    void anEnrollmentSurvivesARestart() throws Exception {
        FleetCa ca = FleetCa.init(dir.resolve("ca"), "test CA");
        try (StateDb db = StateDb.open(dir.resolve("state.db"))) {
            Enrollment enrollment = Enrollment.open(db, dir.resolve("pki"));
            assertEquals("pi", enrollment.enroll(request(enrollment, ca)).name());
        }
        Enrollment reopened = open();
        assertEquals("pi", reopened.name().orElseThrow());
        assertTrue(reopened.pendingToken().isEmpty());
        assertTrue(Files.exists(dir.resolve("pki/broker.pem")));
        reopened.clientContext(); // has its broker certificate
    }

    @Test
    void withoutABrokerCertificateTheClientContextSaysWhatToDo() throws Exception {
        FleetCa ca = FleetCa.init(dir.resolve("ca"), "test CA");
        try (StateDb db = StateDb.open(dir.resolve("state.db"))) {
            Enrollment enrollment = Enrollment.open(db, dir.resolve("pki"));
            assertTrue(assertThrows(IllegalStateException.class, enrollment::clientContext).getMessage().contains("not enrolled yet"));
            // as an operator from before broker certificates enrolls
            EnrollRequest full = request(enrollment, ca);
            enrollment.enroll(new EnrollRequest(full.token(), full.caCertificate(), full.deviceCertificate(), null));
        }
        Enrollment reopened = open();
        assertEquals("pi", reopened.name().orElseThrow());
        assertTrue(assertThrows(IllegalStateException.class, reopened::clientContext).getMessage().contains("re-enroll it"));
    }

    @Test
    void certificatesWrittenBeforeACrashDoNotCountUntilTheTokenIsBurnt() throws Exception {
        Enrollment enrollment = open();
        FleetCa ca = FleetCa.init(dir.resolve("ca"), "test CA");
        // as if the agent died after writing the files, before the database transaction
        new DeviceKeyFiles(dir.resolve("pki")).store(ca.certificate(), ca.issueDeviceCertificate(
                PemFiles.readKeyPair(dir.resolve("pki/device.key")).getPublic(), "pi", List.of()), Optional.empty());
        Enrollment restarted = open();
        assertEquals(enrollment.pendingToken(), restarted.pendingToken());
        assertTrue(restarted.name().isEmpty());
    }

    @Test
    void refusesCertificatesForAnotherKeyOrFromAnotherIssuer() throws Exception {
        FleetCa ca = FleetCa.init(dir.resolve("ca"), "test CA");
        FleetCa other = FleetCa.init(dir.resolve("other"), "other CA");
        try (StateDb db = StateDb.open(dir.resolve("state.db"))) {
            Enrollment enrollment = Enrollment.open(db, dir.resolve("pki"));
            String token = enrollment.pendingToken().orElseThrow().toString();
            KeyPair device = PemFiles.readKeyPair(dir.resolve("pki/device.key"));
            String caPem = PemFiles.toPem(ca.certificate());
            String foreignKey = PemFiles.toPem(ca.issueDeviceCertificate(other.certificate().getPublicKey(), "pi", List.of()));
            assertTrue(assertThrows(IllegalArgumentException.class, () -> enrollment.enroll(new EnrollRequest(token, caPem, foreignKey, null)))
                    .getMessage().contains("another key"));
            String wrongIssuer = PemFiles.toPem(other.issueDeviceCertificate(device.getPublic(), "pi", List.of()));
            assertTrue(assertThrows(IllegalArgumentException.class, () -> enrollment.enroll(new EnrollRequest(token, caPem, wrongIssuer, null)))
                    .getMessage().contains("not issued by caCertificate"));
            assertThrows(IllegalArgumentException.class, () -> enrollment.enroll(new EnrollRequest(token, "junk", foreignKey, null)));
            // the broker certificate is checked as strictly, and must carry the device mark
            String server = PemFiles.toPem(ca.issueDeviceCertificate(device.getPublic(), "pi", List.of()));
            String brokerOfAnotherKey = PemFiles.toPem(ca.issueBrokerCertificate(other.certificate().getPublicKey(), "pi"));
            assertTrue(assertThrows(IllegalArgumentException.class, () -> enrollment.enroll(new EnrollRequest(token, caPem, server, brokerOfAnotherKey)))
                    .getMessage().contains("brokerCertificate is for another key"));
            String unmarked = PemFiles.toPem(Certificates.issue(ca.certificate(), PemFiles.readKeyPair(dir.resolve("ca/ca.key")).getPrivate(),
                    device.getPublic(), "pi", Certificates.Purpose.CLIENT, Duration.ofDays(1), List.of()));
            assertTrue(assertThrows(IllegalArgumentException.class, () -> enrollment.enroll(new EnrollRequest(token, caPem, server, unmarked)))
                    .getMessage().contains("not marked as a device's"));
            assertTrue(enrollment.pendingToken().isPresent(), "a refused request leaves the token usable");
            assertTrue(Files.notExists(dir.resolve("pki/device.pem")));
        }
    }
}
