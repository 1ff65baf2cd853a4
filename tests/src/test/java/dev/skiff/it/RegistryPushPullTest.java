package dev.skiff.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.skiff.image.oci.Digest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code skiff push} and {@code pull} against the real distribution registry, checked with skopeo, containerd and a byte count. */
class RegistryPushPullTest {
    private static final int MIB = 1 << 20;
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir static Path shared;
    static RegistryServer registry;

    @BeforeAll
    static void startRegistry() throws Exception {
        registry = RegistryServer.start(shared.resolve("registry"));
    }

    @AfterAll
    static void stopRegistry() throws Exception {
        if (registry != null) {
            registry.close();
        }
    }

    private static Skiff.Result refused(Skiff.Result r, String message) {
        assertEquals(125, r.exitCode(), r.toString());
        assertTrue(r.stderr().contains("skiff: error: " + message), "expected \"" + message + "\" in:\n" + r);
        return r;
    }

    /** Every regular file under a directory with the hash of its content. */
    private static Map<String, String> snapshot(Path dir) throws Exception {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.filter(Files::isRegularFile).toList()) {
                files.put(dir.relativize(p).toString(), Digest.of(Files.readAllBytes(p)).toString());
            }
        }
        return files;
    }

    @Test
    void thePulledImageIsThePushedOneAndSkopeoAndContainerdReadIt(@TempDir Path a, @TempDir Path b, @TempDir Path ctd) throws Exception {
        String ref = registry.address() + "/apps/hello:1";
        Skiff builder = new Skiff(a);
        Digest index = Digest.parse(Skiff.ok(builder.run("build", "-t", ref, "examples/hello")).stdout().strip());
        Skiff.ok(builder.run("key", "generate", "--out", a.toString()));
        Skiff.ok(builder.run("sign", ref, "--key", a.resolve("skiff.key").toString()));
        String signatureRef = registry.address() + "/apps/hello:" + index.signatureTag();

        Skiff.Result push = Skiff.ok(builder.run("push", ref));
        assertEquals(index + "\n", push.stdout());
        assertTrue(push.stderr().matches("(?s).*pushed " + ref + ": uploaded \\d+ blobs \\(.*\\), 0 already there.*"), push.toString());

        Skiff.Result pull = Skiff.ok(new Skiff(b).run("pull", ref));
        assertEquals(index + "\n", pull.stdout());
        assertEquals(snapshot(a.resolve("images/blobs")), snapshot(b.resolve("images/blobs")), "the same blobs, byte for byte");
        String storeIndex = Files.readString(b.resolve("images/index.json"));
        assertTrue(storeIndex.contains("\"" + ref + "\"") && storeIndex.contains("\"" + signatureRef + "\""), storeIndex);

        String skopeo = HostTools.require("skopeo", "skopeo");
        var raw = ExternalProcess.run(a, List.of(skopeo, "inspect", "--raw", "--tls-verify=false", "docker://" + ref));
        assertEquals(0, raw.exitCode(), raw.output());
        assertEquals(index, Digest.of(raw.output().getBytes(StandardCharsets.UTF_8)), "skopeo sees the index as pushed");
        var rawSignature = ExternalProcess.run(a, List.of(skopeo, "inspect", "--raw", "--tls-verify=false", "docker://" + signatureRef));
        assertEquals(0, rawSignature.exitCode(), rawSignature.output());
        assertTrue(rawSignature.output().contains("application/vnd.dev.cosign.simplesigning.v1+json"), rawSignature.output());
        List<String> platforms = new ArrayList<>();
        for (JsonNode m : JSON.readTree(raw.output()).path("manifests")) {
            platforms.add(m.path("platform").path("os").asText() + "/" + m.path("platform").path("architecture").asText());
        }
        assertEquals(List.of("wasi/wasm", "wasip1/wasm"), platforms);

        try (ContainerdServer containerd = ContainerdServer.start(ctd)) {
            var pulled = containerd.ctr("images", "pull", "--plain-http", "--platform", "wasi/wasm",
                    "--snapshotter", ContainerdServer.SNAPSHOTTER, ref);
            assertEquals(0, pulled.exitCode(), pulled.output() + containerd.log());
            var images = containerd.ctr("images", "ls");
            assertTrue(images.output().contains(ref) && images.output().contains(index.toString()), images.output());
        }
    }

    @Test
    void credentialsComeFromTheDockerConfig(@TempDir Path dir, @TempDir Path a, @TempDir Path b) throws Exception {
        try (RegistryServer secured = RegistryServer.startWithUser(dir.resolve("registry"), "skiff", "p4ss")) {
            String host = secured.address();
            String ref = host + "/private/app:1";
            WasmImage.Stored image = WasmImage.store(a, ref, 1024);
            Path config = dir.resolve("docker/config.json");
            Skiff pusher = new Skiff(a).withEnv("DOCKER_CONFIG", config.getParent().toString());

            refused(pusher.run("push", ref), "registry " + host + " requires credentials for private/app (run skiff login " + host + ")");
            refused(pusher.runWithStdin("wrong\n", "login", host, "-u", "skiff", "--password-stdin"), "registry " + host + " refused the credentials");
            assertFalse(Files.exists(config), "refused credentials are not saved");

            Skiff.ok(pusher.runWithStdin("p4ss\n", "login", host, "-u", "skiff", "--password-stdin"));
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(config)));
            String auth = Base64.getEncoder().encodeToString("skiff:p4ss".getBytes(StandardCharsets.UTF_8));
            assertEquals(auth, JSON.readTree(config.toFile()).path("auths").path(host).path("auth").asText());
            assertEquals(image.index() + "\n", Skiff.ok(pusher.run("push", ref)).stdout());

            // The puller's config is written as docker would, under an http:// key.
            Path pullerConfig = Files.createDirectories(dir.resolve("puller"));
            Files.writeString(pullerConfig.resolve("config.json"), "{\"auths\":{\"http://" + host + "\":{\"auth\":\"" + auth + "\"}}}");
            Skiff puller = new Skiff(b).withEnv("DOCKER_CONFIG", pullerConfig.toString());
            assertEquals(image.index() + "\n", Skiff.ok(puller.run("pull", ref)).stdout());

            Skiff.ok(pusher.run("logout", host));
            refused(pusher.run("pull", ref), "registry " + host + " requires credentials for private/app");
        }
    }

    @Test
    void pushingAnUnchangedImageAgainUploadsNoBlobBytes(@TempDir Path a) throws Exception {
        try (CountingProxy proxy = new CountingProxy(registry.port())) {
            String ref = "127.0.0.1:" + proxy.port() + "/apps/big:1";
            WasmImage.store(a, ref, 2 * MIB);

            Skiff.Result first = Skiff.ok(new Skiff(a).run("push", ref));
            assertTrue(first.stderr().contains(": uploaded 2 blobs (2.0 MiB), 0 already there"), first.toString());
            assertTrue(proxy.clientBytes() > 2 * MIB, "the first push sent " + proxy.clientBytes() + " bytes");

            proxy.reset();
            Skiff.Result again = Skiff.ok(new Skiff(a).run("push", ref));
            assertTrue(again.stderr().contains(": uploaded 0 blobs (0 bytes), 2 already there"), again.toString());
            assertTrue(proxy.clientBytes() < 8 * 1024, "the second push sent " + proxy.clientBytes() + " bytes");
        }
    }

    @Test
    void aBlobNotMatchingItsDigestFailsThePullAndLeavesTheStoreAlone(@TempDir Path a, @TempDir Path b) throws Exception {
        String good = registry.address() + "/apps/good:1";
        String bad = registry.address() + "/apps/corrupt:1";
        WasmImage.store(a, good, 1024);
        WasmImage.Stored corrupt = WasmImage.store(a, bad, 64 * 1024);
        Skiff.ok(new Skiff(a).run("push", good));
        Skiff.ok(new Skiff(a).run("push", bad));
        Skiff.ok(new Skiff(b).run("pull", good));

        Path data = registry.blobData(corrupt.layer().hex());
        byte[] bytes = Files.readAllBytes(data);
        bytes[bytes.length / 2] ^= 1;
        Files.write(data, bytes);

        Map<String, String> before = snapshot(b.resolve("images"));
        refused(new Skiff(b).run("pull", bad), "blob " + corrupt.layer() + ": content does not match its digest");
        assertEquals(before, snapshot(b.resolve("images")), "a failed pull leaves no trace in the store");
    }
}
