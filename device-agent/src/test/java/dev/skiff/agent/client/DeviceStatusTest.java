package dev.skiff.agent.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.skiff.agent.pki.Certificates;
import dev.skiff.agent.pki.KeyPin;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DeviceStatusTest {
    @TempDir Path dir;

    @Test
    void aDeviceThatDoesNotAnswerIsOfflineWithTheReason() throws Exception {
        OperatorHome home = new OperatorHome(dir);
        home.fleetCaCreatingIfMissing();
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        DeviceRecord gone = new DeviceRecord("gone", "127.0.0.1:" + closedPort,
                KeyPin.of(Certificates.newKeyPair().getPublic()).toString(), "2026-01-01T00:00:00Z");

        DeviceStatus status = DeviceStatus.probe(home, gone);
        assertFalse(status.online());
        assertTrue(status.info().isEmpty());
        assertTrue(status.apps().isEmpty());
        assertTrue(status.problem().orElseThrow().contains("cannot reach gone at 127.0.0.1:" + closedPort), status.problem().orElseThrow());
    }

    @Test
    void theFleetCaIsMadeOnceAndThenReused() throws Exception {
        OperatorHome home = new OperatorHome(dir);
        var first = home.fleetCaCreatingIfMissing();
        assertEquals(first.certificate(), home.fleetCaCreatingIfMissing().certificate());
        assertEquals(dir.resolve("ca"), first.dir());
    }
}
