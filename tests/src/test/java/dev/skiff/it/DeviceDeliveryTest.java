package dev.skiff.it;

import static dev.skiff.it.Skiff.ok;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 4's delivery acceptance with real processes: two agents on loopback that admit only images
 * signed with the operator's key; a signed image reaches pi1 straight through its registry endpoint
 * ({@code skiff push --to}) and pi2 through a real {@code docker-registry} that pi2 pulls from;
 * both run it. Pushing and deploying the unchanged image again moves no blob bytes, as a
 * byte-counting proxy in front of pi1 confirms.
 */
class DeviceDeliveryTest {
    private static final Pattern UPLOADED = Pattern.compile("uploaded \\d+ blobs? \\((\\d+) bytes\\)");
    /** A deploy request is a TLS handshake and a line of JSON; the image's wasm layer alone is over 20 KB. */
    private static final long NO_BLOB_BYTES = 8 * 1024;

    @TempDir Path dir;

    @Test
    void signedImageDeliveredStraightToOneDeviceAndThroughARegistryToTheOther() throws Exception {
        Skiff skiff = new Skiff(Files.createDirectories(dir.resolve("home")));
        Path keys = dir.resolve("keys");
        ok(skiff.run("key", "generate", "--out", keys.toString()));
        String trust = "{mode: reject-unsigned, keys: [" + keys.resolve("skiff.pub") + "]}";
        try (RegistryServer registry = RegistryServer.start(dir.resolve("registry"));
                AgentProcess pi1 = AgentProcess.start(dir, Files.createDirectories(dir.resolve("pi1")), "pi1", trust);
                AgentProcess pi2 = AgentProcess.start(dir, Files.createDirectories(dir.resolve("pi2")), "pi2", trust);
                CountingProxy toPi1 = new CountingProxy(pi1.port())) {
            ok(skiff.run("ca", "init"));
            // pi1 is enrolled at the proxy's address, so everything the CLI sends it is counted
            ok(skiff.run("device", "enroll", "127.0.0.1:" + toPi1.port(), "--token", pi1.token(), "--name", "pi1"));
            ok(skiff.run("device", "enroll", pi2.address(), "--token", pi2.token(), "--name", "pi2"));

            String image = registry.address() + "/apps/sleeper:1";
            String digest = ok(skiff.run("build", "examples/sleeper", "-t", image)).stdout().strip();
            ok(skiff.run("sign", image, "--key", keys.resolve("skiff.key").toString()));

            toPi1.reset();
            Skiff.Result pushed = ok(skiff.run("push", image, "--to", "pi1"));
            assertEquals(digest, pushed.stdout().strip());
            long firstPush = toPi1.clientBytes();
            Matcher uploaded = UPLOADED.matcher(pushed.stderr());
            assertTrue(uploaded.find(), pushed.toString());
            long blobBytes = Long.parseLong(uploaded.group(1));
            // reject-unsigned with the operator's key: this deploy passing means the signatures came along
            assertTrue(ok(skiff.run("deploy", image, "--device", "pi1")).stdout().contains("sleeper r1 is running " + digest));

            ok(skiff.run("push", image));
            Skiff.Result pulled = ok(skiff.run("deploy", image, "--device", "pi2", "--pull"));
            assertTrue(pulled.stderr().contains("pi2 pulled " + registry.address() + "/apps/sleeper@" + digest), pulled.toString());
            assertTrue(pulled.stdout().contains("sleeper r1 is running " + digest), pulled.toString());

            for (String device : new String[] {"pi1", "pi2"}) {
                String ps = ok(skiff.run("ps", "--device", device)).stdout();
                assertTrue(ps.contains("sleeper/r1") && ps.contains("running"), device + ":\n" + ps);
            }

            toPi1.reset();
            Skiff.Result again = ok(skiff.run("push", image, "--to", "pi1"));
            assertTrue(again.stderr().contains("uploaded 0 blobs (0 bytes)"), again.toString());
            assertTrue(toPi1.clientBytes() <= firstPush - blobBytes,
                    "pushing again moved " + toPi1.clientBytes() + " bytes; the first push " + firstPush + ", " + blobBytes + " of them blobs");
            toPi1.reset();
            assertTrue(ok(skiff.run("deploy", image, "--device", "pi1")).stdout().contains("sleeper r2 is running " + digest));
            assertTrue(toPi1.clientBytes() < NO_BLOB_BYTES, "deploying again moved " + toPi1.clientBytes() + " bytes");
        }
    }
}
