package dev.skiff.agent.enroll;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.skiff.agent.pki.FleetCa;
import dev.skiff.agent.pki.PemFiles;
import dev.skiff.agent.state.StateDb;
import dev.skiff.protocols.api.EnrollRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.List;
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
        return new EnrollRequest(enrollment.pendingToken().orElseThrow().toString(), PemFiles.toPem(ca.certificate()),
                PemFiles.toPem(ca.issueDeviceCertificate(device.getPublic(), "pi", List.of())));
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
    }

    @Test
    void certificatesWrittenBeforeACrashDoNotCountUntilTheTokenIsBurnt() throws Exception {
        Enrollment enrollment = open();
        FleetCa ca = FleetCa.init(dir.resolve("ca"), "test CA");
        // as if the agent died after writing the files, before the database transaction
        new DeviceKeyFiles(dir.resolve("pki")).store(ca.certificate(), ca.issueDeviceCertificate(
                PemFiles.readKeyPair(dir.resolve("pki/device.key")).getPublic(), "pi", List.of()));
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
            assertTrue(assertThrows(IllegalArgumentException.class, () -> enrollment.enroll(new EnrollRequest(token, caPem, foreignKey)))
                    .getMessage().contains("another key"));
            String wrongIssuer = PemFiles.toPem(other.issueDeviceCertificate(device.getPublic(), "pi", List.of()));
            assertTrue(assertThrows(IllegalArgumentException.class, () -> enrollment.enroll(new EnrollRequest(token, caPem, wrongIssuer)))
                    .getMessage().contains("not issued by caCertificate"));
            assertThrows(IllegalArgumentException.class, () -> enrollment.enroll(new EnrollRequest(token, "junk", foreignKey)));
            assertTrue(enrollment.pendingToken().isPresent(), "a refused request leaves the token usable");
            assertTrue(Files.notExists(dir.resolve("pki/device.pem")));
        }
    }
}
