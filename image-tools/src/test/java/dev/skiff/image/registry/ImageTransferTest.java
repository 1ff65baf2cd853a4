package dev.skiff.image.registry;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.skiff.image.oci.Descriptor;
import dev.skiff.image.oci.Digest;
import dev.skiff.image.oci.ImageFormatException;
import dev.skiff.image.oci.ImageIndex;
import dev.skiff.image.oci.ImageManifest;
import dev.skiff.image.oci.MediaTypes;
import dev.skiff.image.oci.OciJson;
import dev.skiff.image.oci.Platform;
import dev.skiff.image.oci.Reference;
import dev.skiff.image.progress.ProgressEvent;
import dev.skiff.image.progress.ProgressListener;
import dev.skiff.image.store.ImageStore;
import dev.skiff.image.store.TaggedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** ImagePusher and ImagePuller between two local stores through an in-process registry. */
class ImageTransferTest {
    private final FakeRegistry registry;
    private final RegistryClient client;
    private final Reference app;
    private final List<ProgressEvent> events = new ArrayList<>();
    private final ProgressListener listener = events::add;

    ImageTransferTest() throws IOException {
        registry = new FakeRegistry("alice", "s3cret");
        client = new DistributionClient(RegistryCredentials.only(registry.registry(), new Credential("alice", "s3cret")), Set.of(),
                Duration.ofMillis(1));
        app = Reference.parse(registry.registry() + "/team/app:1");
    }

    @AfterEach
    void stop() {
        registry.close();
    }

    /** A wasm artifact listed twice in an index (wasi/wasm, wasip1/wasm), plus a signature tag for the index. */
    private Descriptor storeImage(ImageStore store, Reference ref) throws IOException {
        byte[] module = "\0asm module bytes".getBytes(StandardCharsets.UTF_8);
        Descriptor layer = Descriptor.of(MediaTypes.WASM_LAYER, module);
        byte[] config = "{\"architecture\":\"wasm\",\"os\":\"wasip1\"}".getBytes(StandardCharsets.UTF_8);
        byte[] manifest = OciJson.write(new ImageManifest(MediaTypes.OCI_MANIFEST, null,
                Descriptor.of(MediaTypes.WASM_CONFIG, config), List.of(layer), Map.of()));
        Descriptor m = Descriptor.of(MediaTypes.OCI_MANIFEST, manifest);
        byte[] index = OciJson.write(new ImageIndex(MediaTypes.OCI_INDEX, List.of(m.withPlatform(Platform.WASI), m.withPlatform(Platform.WASIP1)), Map.of()));
        Descriptor root = Descriptor.of(MediaTypes.OCI_INDEX, index);

        byte[] payload = ("{\"critical\":{\"image\":{\"docker-manifest-digest\":\"" + root.digest() + "\"}}}").getBytes(StandardCharsets.UTF_8);
        byte[] sigConfig = "{\"signature\":true}".getBytes(StandardCharsets.UTF_8);
        byte[] sigManifest = OciJson.write(new ImageManifest(MediaTypes.OCI_MANIFEST, null, Descriptor.of(MediaTypes.OCI_CONFIG, sigConfig),
                List.of(Descriptor.of(MediaTypes.COSIGN_SIMPLE_SIGNING, payload)), Map.of()));
        for (byte[] blob : List.of(module, config, manifest, index, payload, sigConfig, sigManifest)) {
            store.blobs().put(blob);
        }
        store.tag(ref, root);
        store.tag(ref.withTag(root.digest().signatureTag()), Descriptor.of(MediaTypes.OCI_MANIFEST, sigManifest));
        return root;
    }

    @Test
    void pushUploadsOnlyMissingBlobsAndPullBringsTheImageAndItsSignature(@TempDir Path a, @TempDir Path b) throws Exception {
        ImageStore source = ImageStore.open(a);
        Descriptor root = storeImage(source, app);

        PushResult first = new ImagePusher(source, client, listener).push(app, app);
        assertEquals(new PushResult(app, root.digest(), first.uploadedBlobBytes(), 4, 0), first, "config, module, signature config and payload");
        assertEquals(4, events.stream().filter(e -> e instanceof ProgressEvent.StepFinished f && f.detail().startsWith("uploaded ")).count());
        assertTrue(registry.manifests.containsKey("team/app:1"));
        assertTrue(registry.manifests.containsKey("team/app:" + root.digest().signatureTag()));

        events.clear();
        PushResult again = new ImagePusher(source, client, listener).push(app, app);
        assertEquals(new PushResult(app, root.digest(), 0, 0, 4), again);
        assertEquals(4, events.stream().filter(e -> e instanceof ProgressEvent.StepFinished f && f.detail().equals("exists")).count());

        ImageStore target = ImageStore.open(b);
        PullResult pulled = new ImagePuller(target, client, listener).pull(app);
        assertEquals(root, pulled.root());
        assertEquals(List.of(app, app.withTag(root.digest().signatureTag())), target.list().stream().map(TaggedImage::reference).toList());
        assertEquals(source.blobs().list(), target.blobs().list());
        for (Digest d : source.blobs().list()) {
            assertArrayEquals(Files.readAllBytes(source.blobs().path(d)), Files.readAllBytes(target.blobs().path(d)));
        }
    }

    @Test
    void pullByDigest(@TempDir Path a, @TempDir Path b) throws Exception {
        ImageStore source = ImageStore.open(a);
        Descriptor root = storeImage(source, app);
        new ImagePusher(source, client, listener).push(app, app);
        Reference byDigest = Reference.parse(registry.registry() + "/team/app@" + root.digest());
        ImageStore target = ImageStore.open(b);
        assertEquals(root, new ImagePuller(target, client, listener).pull(byDigest).root());
        assertEquals(root.digest(), target.resolve(byDigest).orElseThrow().digest());
    }

    @Test
    void signaturesFollowToAnotherRepository(@TempDir Path a) throws Exception {
        ImageStore source = ImageStore.open(a);
        Descriptor root = storeImage(source, app);
        Reference copy = Reference.parse(registry.registry() + "/other/copy:2");
        new ImagePusher(source, client, listener).push(app, copy);
        assertTrue(registry.manifests.containsKey("other/copy:2"));
        assertTrue(registry.manifests.containsKey("other/copy:" + root.digest().signatureTag()));
    }

    @Test
    void aCorruptBlobFailsThePullAndLeavesTheStoreAsItWas(@TempDir Path a, @TempDir Path b) throws Exception {
        ImageStore source = ImageStore.open(a);
        storeImage(source, app);
        new ImagePusher(source, client, listener).push(app, app);
        byte[] module = "\0asm module bytes".getBytes(StandardCharsets.UTF_8);
        byte[] corrupt = module.clone();
        corrupt[1] = 'X';
        registry.blobs.put(Digest.of(module).toString(), corrupt);

        ImageStore target = ImageStore.open(b);
        var e = assertThrows(ImageFormatException.class, () -> new ImagePuller(target, client, listener).pull(app));
        assertTrue(e.getMessage().contains("blob " + Digest.of(module) + ": content does not match its digest"), e.getMessage());
        assertEquals(List.of(), target.list());
        assertEquals(Set.of(), target.blobs().list(), "not even the manifests that did verify");
        try (Stream<Path> leftovers = Files.walk(b.resolve("ingest"))) {
            assertEquals(List.of(), leftovers.filter(Files::isRegularFile).toList());
        }
    }

    @Test
    void unknownImagesAreNamed(@TempDir Path b) throws Exception {
        var pull = assertThrows(IOException.class, () -> new ImagePuller(ImageStore.open(b), client, listener).pull(app.withTag("nope")));
        assertEquals("registry " + registry.registry() + " has no image " + app.withTag("nope").familiar() + " (check the name, or push it first)",
                pull.getMessage());
        var push = assertThrows(IllegalArgumentException.class, () -> new ImagePusher(ImageStore.open(b), client, listener).push(app, app));
        assertEquals(app.familiar() + " is not in the local image store", push.getMessage());
    }
}
