package dev.skiff.it;

import static dev.skiff.it.Skiff.ok;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.skiff.agent.pki.Certificates;
import dev.skiff.agent.pki.FleetCa;
import dev.skiff.agent.pki.PemFiles;
import dev.skiff.protocols.api.ApiJson;
import dev.skiff.protocols.fleet.FleetTopics;
import dev.skiff.protocols.fleet.ReportedState;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real agent process and a real Mosquitto whose TLS listener requires a client certificate from
 * the fleet CA: the agent, configured with {@code ssl://} before it is enrolled, connects once
 * {@code skiff device enroll} gave it its broker certificate, and the operator (with its own
 * certificate, through {@code mosquitto_sub}) reads the retained state it reported. A client with
 * no certificate is turned away.
 */
class FleetTlsTest {
    @TempDir Path dir;

    @Test
    void anEnrolledAgentReportsThroughABrokerThatRequiresClientCertificates() throws Exception {
        Skiff skiff = new Skiff(Files.createDirectories(dir.resolve("home")));
        ok(skiff.run("ca", "init"));
        Path caDir = dir.resolve("home/ca");
        FleetCa ca = FleetCa.open(caDir);
        // the broker's own certificate from the same CA, for the address devices dial
        KeyPair brokerKeys = Certificates.newKeyPair();
        Path brokerCertificate = dir.resolve("broker.pem");
        Path brokerKey = dir.resolve("broker.key");
        PemFiles.writeCertificates(brokerCertificate, List.of(Certificates.issue(ca.certificate(),
                PemFiles.readKeyPair(caDir.resolve("ca.key")).getPrivate(), brokerKeys.getPublic(), "broker",
                Certificates.Purpose.SERVER, Duration.ofDays(1), List.of("127.0.0.1")), ca.certificate()));
        PemFiles.writeKeyPair(brokerKey, brokerKeys);

        try (MosquittoServer broker = MosquittoServer.startTls(dir.resolve("mosquitto"), caDir.resolve("ca.pem"), brokerCertificate, brokerKey);
                AgentProcess agent = AgentProcess.startWithConfig(dir, Files.createDirectories(dir.resolve("data")), "pi1",
                        "mqtt: {broker: " + broker.url() + ", labels: {site: lab}}\n")) {
            agent.awaitOutput("it connects to an ssl:// broker once 'skiff device enroll' gave it a certificate");
            agent.awaitOutput("--token ");
            ok(skiff.run("device", "enroll", agent.address(), "--token", agent.token(), "--name", "pi1"));

            List<String> operator = List.of("--cert", caDir.resolve("operator.pem").toString(), "--key", caDir.resolve("operator.key").toString());
            ExternalProcess.Result reported = subscribe(broker, caDir, operator, FleetTopics.reported("pi1"));
            assertEquals(0, reported.exitCode(), reported.output() + "\nagent:\n" + agent.output() + "\nbroker:\n" + broker.log());
            ReportedState state = ApiJson.read(reported.output().strip().getBytes(StandardCharsets.UTF_8), ReportedState.class);
            assertEquals("pi1", state.device());
            assertEquals(Map.of("site", "lab"), state.labels());

            ExternalProcess.Result anonymous = subscribe(broker, caDir, List.of(), FleetTopics.reported("pi1"));
            assertNotEquals(0, anonymous.exitCode(), "a client without a certificate must be refused: " + anonymous.output());
            assertTrue(!anonymous.output().contains("\"device\""), anonymous.output());
        }
    }

    /** The first message on {@code topic} (the retained one), as {@code mosquitto_sub} with these certificate options prints it. */
    private ExternalProcess.Result subscribe(MosquittoServer broker, Path caDir, List<String> certificate, String topic) throws Exception {
        List<String> command = new ArrayList<>(List.of(HostTools.require("mosquitto_sub", "mosquitto-clients"), "-h", "127.0.0.1",
                "-p", String.valueOf(broker.port()), "--cafile", caDir.resolve("ca.pem").toString(), "-t", topic, "-C", "1", "-W", "60"));
        command.addAll(certificate);
        return ExternalProcess.run(dir, command, 90);
    }
}
