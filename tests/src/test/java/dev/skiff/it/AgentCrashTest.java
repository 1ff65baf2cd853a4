package dev.skiff.it;

import static dev.skiff.it.Skiff.ok;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.skiff.agent.client.AgentClient;
import dev.skiff.agent.client.DeviceRecord;
import dev.skiff.agent.client.DeviceRegistry;
import dev.skiff.agent.faults.FaultPoint;
import dev.skiff.agent.pki.FleetCa;
import dev.skiff.image.build.BuildRequest;
import dev.skiff.image.build.BuildResult;
import dev.skiff.image.build.ImageBuilder;
import dev.skiff.image.oci.Digest;
import dev.skiff.image.progress.ProgressListener;
import dev.skiff.image.store.ImageStore;
import dev.skiff.protocols.api.ContainerInfo;
import dev.skiff.protocols.api.ReleaseInfo;
import dev.skiff.runtime.Sandbox;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * DESIGN §10: a real agent process is killed with SIGKILL mid-upload and at every
 * {@link FaultPoint} of a deploy, then restarted over the same data dir. Each time exactly one
 * version of the app runs (the new one only if the switch had committed), the state database is
 * consistent, the image store holds only whole blobs, and deploying the new version again
 * succeeds. The crashes follow one another on the same device, as repeated crashes would.
 */
class AgentCrashTest {
    private static final String APP = "app";
    private static final String DEVICE = "pi1";
    private static final Sandbox BUILD_SANDBOX = Sandbox.inMemory();

    @TempDir Path dir;

    /** A version of the app as built into the agent's store. */
    private record Version(int number, String reference, Digest image) {}

    private Path data;
    private ImageStore store;
    private FleetCa ca;
    private String keyPin;
    private int versions;

    @Test
    void aDeployKilledAtAnyPointLeavesExactlyOneVersionRunningAndTheStateWhole() throws Exception {
        data = Files.createDirectories(dir.resolve("agent-data"));
        // the agent's store is an image store too: versions are built straight into it (AgentApiTest does the same)
        store = ImageStore.open(data.resolve("images"));
        Path home = Files.createDirectories(dir.resolve("home"));
        Skiff skiff = new Skiff(home);
        Version current = build();
        try (AgentProcess agent = AgentProcess.start(dir, data, DEVICE)) {
            ok(skiff.run("ca", "init"));
            ok(skiff.run("device", "enroll", agent.address(), "--token", agent.token(), "--name", DEVICE));
            ca = FleetCa.open(home.resolve("ca"));
            keyPin = new DeviceRegistry(home.resolve("devices.json")).find(DEVICE).keyPin();
            assertEquals("ACTIVE", client(agent).deploy(APP, current.reference()).state());
        }
        current = crashMidUpload(current);
        for (FaultPoint point : FaultPoint.values()) {
            current = crashAt(point, current);
        }
    }

    /**
     * The agent has no upload endpoint of its own yet, so the test plays the uploader: it stalls a
     * blob write halfway inside the agent's store and kills the agent there.
     */
    private Version crashMidUpload(Version current) throws Exception {
        try (AgentProcess agent = AgentProcess.start(dir, data, DEVICE); StalledUpload upload = StalledUpload.begin(store, 4 << 20)) {
            agent.kill();
            Version next = build();
            restartAndCheck("mid-upload", current, next);
            assertFalse(store.blobs().has(upload.digest()), "mid-upload: the partial blob was admitted");
            return next;
        }
    }

    /** Kills the agent where {@code point} halts a deploy of a new version; returns the version running afterwards. */
    private Version crashAt(FaultPoint point, Version current) throws Exception {
        Version next = build();
        try (AgentProcess agent = AgentProcess.start(dir, data, DEVICE, Map.of(FaultPoint.VARIABLE, point.id()))) {
            AgentClient client = client(agent);
            CompletableFuture<ReleaseInfo> deploy = CompletableFuture.supplyAsync(() -> {
                try {
                    return client.deploy(APP, next.reference());
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            agent.awaitOutput(FaultPoint.MARKER + point.id());
            agent.kill();
            assertThrows(CompletionException.class, deploy::join, point + ": the deploy outlived the agent");
        }
        boolean switched = point == FaultPoint.SWITCHED;
        restartAndCheck(point.id(), switched ? next : current, next);
        return next;
    }

    /**
     * Restarts the agent after a crash and checks it runs {@code survivor} alone over a
     * consistent state, with the interrupted deploy (if it got recorded) aborted or, once
     * switched, active; then deploys {@code next} afresh.
     */
    private void restartAndCheck(String crash, Version survivor, Version next) throws Exception {
        try (AgentProcess agent = AgentProcess.start(dir, data, DEVICE)) {
            AgentClient client = client(agent);
            awaitOnlyRunning(client, survivor, crash);
            StateDbInvariants.assertConsistent(data, APP, survivor.image(), crash);
            StoreFiles.assertOnlyWholeBlobs(store.root(), crash);
            ReleaseInfo newest = client.history(APP).getFirst();
            if (newest.image().equals(next.image().toString())) {
                assertEquals(survivor == next ? "ACTIVE" : "ABORTED", newest.state(), crash + ": the interrupted deploy " + newest);
            }
            ReleaseInfo again = client.deploy(APP, next.reference());
            assertEquals("ACTIVE", again.state(), crash + ": deploying " + next + " afresh: " + again);
            awaitOnlyRunning(client, next, crash + ", deployed afresh");
        }
    }

    /** Waits until the app has exactly one container and it runs, then checks it runs {@code version}. */
    private static void awaitOnlyRunning(AgentClient client, Version version, String when) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        List<ContainerInfo> containers;
        // a container the restarted agent has just started may not be running yet
        while ((containers = client.ps().stream().filter(c -> c.app().equals(APP)).toList()).size() != 1
                || !containers.getFirst().state().equals("running")) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(when + ": not exactly one container of " + APP + " runs: " + containers);
            }
            Thread.sleep(50);
        }
        long release = containers.getFirst().release();
        String image = client.history(APP).stream().filter(r -> r.id() == release).findFirst().orElseThrow().image();
        assertEquals(version.image().toString(), image, when + ": the running release r" + release + " is not version " + version.number());
    }

    private AgentClient client(AgentProcess agent) throws IOException {
        // the restarted agent listens on another port; its key, and so the pin, stay
        return AgentClient.connect(new DeviceRecord(DEVICE, agent.address(), keyPin, null), ca);
    }

    /** Builds the next version of the app: the sleeper with a module of its own, so that preparing it really compiles. */
    private Version build() throws IOException {
        int n = ++versions;
        Path app = Files.createDirectories(dir.resolve("app-" + n));
        byte[] sleeper = Files.readAllBytes(Skiff.ROOT.resolve(Skiff.example("sleeper")));
        Files.write(app.resolve("app.wasm"), withCustomSection(sleeper, "skiff-test-version", Integer.toString(n)));
        Files.writeString(app.resolve("skiff.yaml"), """
                name: %s
                version: %d.0.0
                module: app.wasm
                args: ["100"]
                resources:
                  memory: 16M
                health:
                  running-for: 300ms
                """.formatted(APP, n));
        BuildResult built = new ImageBuilder(store, BUILD_SANDBOX).build(BuildRequest.of(app), ProgressListener.NONE);
        return new Version(n, built.reference().withDigest(built.index().digest()).toString(), built.index().digest());
    }

    /** The module with a custom section appended: same code, different digest. */
    private static byte[] withCustomSection(byte[] module, String name, String content) {
        byte[] nameBytes = name.getBytes(StandardCharsets.UTF_8);
        byte[] contentBytes = content.getBytes(StandardCharsets.UTF_8);
        int payload = 1 + nameBytes.length + contentBytes.length;
        if (payload >= 128) {
            throw new IllegalArgumentException("a one-byte LEB128 size is all this writes");
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(module);
        out.write(0); // custom section id
        out.write(payload);
        out.write(nameBytes.length);
        out.writeBytes(nameBytes);
        out.writeBytes(contentBytes);
        return out.toByteArray();
    }
}
