package dev.skiff.it;

import static dev.skiff.it.Skiff.ok;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A tool that is not Skiff delivers to a device: {@code skopeo copy} pushes a signed image and its
 * signatures from the operator's store to the registry endpoint of an agent started with
 * {@code skiff agent}, presenting the operator's certificate and checking the device's against the
 * fleet CA (host name included); the agent, under {@code reject-unsigned}, runs it.
 */
class SkopeoDeliveryTest {
    @TempDir Path dir;

    @Test
    void skopeoCopiesASignedImageToTheAgentAndItRuns() throws Exception {
        Path home = Files.createDirectories(dir.resolve("home"));
        Skiff skiff = new Skiff(home);
        Path keys = dir.resolve("keys");
        ok(skiff.run("key", "generate", "--out", keys.toString()));
        String trust = "{mode: reject-unsigned, keys: [" + keys.resolve("skiff.pub") + "]}";
        String skopeo = HostTools.require("skopeo", "skopeo");
        try (AgentProcess pi = AgentProcess.startThroughCli(dir, Files.createDirectories(dir.resolve("pi")), "pi", trust)) {
            ok(skiff.run("ca", "init"));
            ok(skiff.run("device", "enroll", pi.address(), "--token", pi.token(), "--name", "pi"));
            String digest = ok(skiff.run("build", "examples/sleeper", "-t", "sleeper:1")).stdout().strip();
            String signed = ok(skiff.run("sign", "sleeper:1", "--key", keys.resolve("skiff.key").toString())).stdout();

            // skopeo's certificate directory: *.crt are CAs, a *.cert/*.key pair is the client identity
            Path certs = Files.createDirectories(dir.resolve("certs"));
            Files.copy(home.resolve("ca/ca.pem"), certs.resolve("fleet-ca.crt"));
            Files.copy(home.resolve("ca/operator.pem"), certs.resolve("operator.cert"));
            Files.copy(home.resolve("ca/operator.key"), certs.resolve("operator.key"));
            String store = "oci:" + home.resolve("images") + ":docker.io/library/sleeper:";
            String device = "docker://" + pi.address() + "/sleeper:";
            ForeignImage.run(dir, skopeo, "copy", "--all", "--preserve-digests", "--dest-cert-dir", certs.toString(),
                    store + "1", device + "1");
            for (String line : signed.lines().filter(l -> l.contains(".sig")).toList()) {
                String sigTag = line.substring(line.lastIndexOf(':') + 1); // "… as sleeper:sha256-HEX.sig"
                ForeignImage.run(dir, skopeo, "copy", "--preserve-digests", "--dest-cert-dir", certs.toString(),
                        store + sigTag, device + sigTag);
            }

            Skiff.Result deployed = ok(skiff.run("deploy", "localhost/sleeper:1", "--device", "pi"));
            assertTrue(deployed.stdout().contains("sleeper r1 is running " + digest), deployed.toString());
            assertTrue(ok(skiff.run("ps", "--device", "pi")).stdout().contains("running"));
        }
    }
}
