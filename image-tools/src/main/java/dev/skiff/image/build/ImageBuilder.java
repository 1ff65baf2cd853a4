package dev.skiff.image.build;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.skiff.image.Annotations;
import dev.skiff.image.AppFolder;
import dev.skiff.image.build.ReproducibleArchives.LayerFile;
import dev.skiff.image.oci.Descriptor;
import dev.skiff.image.oci.Digest;
import dev.skiff.image.oci.ImageIndex;
import dev.skiff.image.oci.ImageManifest;
import dev.skiff.image.oci.MediaTypes;
import dev.skiff.image.oci.OciJson;
import dev.skiff.image.oci.Platform;
import dev.skiff.image.oci.Reference;
import dev.skiff.image.progress.ProgressEvent;
import dev.skiff.image.progress.ProgressListener;
import dev.skiff.image.store.ImageStore;
import dev.skiff.protocols.manifest.AppManifest;
import dev.skiff.protocols.manifest.ManifestJson;
import dev.skiff.runtime.Sandbox;
import dev.skiff.runtime.engine.ExecutionMode;
import dev.skiff.runtime.engine.ModuleException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Builds an app folder ({@code skiff.yaml} + module) into a multi-platform image in the local
 * store (DESIGN.md §3.2): the wasm manifest listed as {@code wasi/wasm} and {@code wasip1/wasm},
 * native fallbacks beside it. Every byte is a function of the inputs, so rebuilding gives the
 * same digest.
 */
public final class ImageBuilder {
    /** The fixed creation time of every image, for reproducible digests. */
    static final String CREATED = "1970-01-01T00:00:00Z";
    static final String MODULE_PATH = "/app.wasm";

    private final ImageStore store;
    private final Sandbox sandbox;

    public ImageBuilder(ImageStore store, Sandbox sandbox) {
        this.store = store;
        this.sandbox = sandbox;
    }

    public BuildResult build(BuildRequest request, ProgressListener progress) throws IOException {
        AppFolder folder = AppFolder.read(request.appDir());
        AppManifest app = folder.app();
        String appJson = ManifestJson.write(app);
        byte[] wasm = validatedModule(folder);
        Reference tag = request.tag() != null ? request.tag() : Reference.parse(app.name() + ":" + app.version());

        progress.on(new ProgressEvent.StepStarted("pack " + app.module(), wasm.length));
        List<Descriptor> extraLayers = new ArrayList<>();
        if (request.precompile()) {
            extraLayers.add(precompiledLayer(wasm, progress));
        }
        Map<String, String> annotations = new TreeMap<>(Map.of(
                Annotations.MANIFEST, appJson, Annotations.TITLE, app.name(), Annotations.VERSION, app.version()));
        Descriptor wasmManifest = request.artifact()
                ? artifactManifest(wasm, extraLayers, annotations)
                : defaultManifest(app, appJson, wasm, extraLayers, annotations);
        progress.on(new ProgressEvent.StepFinished("pack " + app.module(), "manifest " + wasmManifest.digest()));

        List<Descriptor> entries = new ArrayList<>();
        entries.add(wasmManifest.withPlatform(Platform.WASI));
        entries.add(wasmManifest.withPlatform(Platform.WASIP1));
        for (NativeBinary nativeBinary : request.natives()) {
            entries.add(nativeManifest(nativeBinary, progress));
        }
        byte[] indexJson = OciJson.write(new ImageIndex(MediaTypes.OCI_INDEX, entries, annotations));
        Descriptor index = new Descriptor(MediaTypes.OCI_INDEX, store.blobs().put(indexJson), indexJson.length, null, Map.of());
        store.tag(tag, index);
        return new BuildResult(tag, index, wasmManifest, app);
    }

    /** The folder's module, validated so a broken module fails the build rather than a deploy. */
    private byte[] validatedModule(AppFolder folder) {
        try {
            sandbox.prepare(folder.wasm(), ExecutionMode.INTERPRETED); // parses and validates without compiling
            return folder.wasm();
        } catch (ModuleException e) {
            throw new IllegalArgumentException(folder.moduleFile() + ": " + e.getMessage(), e);
        }
    }

    private Descriptor precompiledLayer(byte[] wasm, ProgressListener progress) throws IOException {
        progress.on(new ProgressEvent.StepStarted("precompile", -1));
        byte[] jar;
        try {
            jar = ReproducibleArchives.normalizeJar(sandbox.precompile(wasm));
        } catch (ModuleException e) {
            throw new IllegalArgumentException("cannot precompile: " + e.getMessage(), e);
        }
        progress.on(new ProgressEvent.StepFinished("precompile", sandbox.engineVersion()));
        return blob(MediaTypes.SKIFF_PRECOMPILED, jar).withAnnotations(Map.of(Annotations.COMPILER, sandbox.engineVersion()));
    }

    private Descriptor defaultManifest(AppManifest app, String appJson, byte[] wasm, List<Descriptor> extraLayers,
            Map<String, String> annotations) throws IOException {
        byte[] tar = ReproducibleArchives.tar(List.of(new LayerFile(MODULE_PATH.substring(1), wasm, 0755)));
        Descriptor layer = blob(MediaTypes.OCI_LAYER_TAR_GZIP, ReproducibleArchives.gzip(tar));
        ObjectNode config = imageConfig(new Platform("wasip1", "wasm", null), MODULE_PATH, Digest.of(tar));
        ObjectNode inner = (ObjectNode) config.get("config");
        if (!app.args().isEmpty()) {
            app.args().forEach(inner.putArray("Cmd")::add);
        }
        if (!app.env().isEmpty()) {
            ArrayNode env = inner.putArray("Env");
            new TreeMap<>(app.env()).forEach((k, v) -> env.add(k + "=" + v));
        }
        inner.putObject("Labels").put(Annotations.MANIFEST, appJson);
        List<Descriptor> layers = new ArrayList<>(List.of(layer));
        layers.addAll(extraLayers);
        return manifest(blob(MediaTypes.OCI_CONFIG, OciJson.bytes(config)), layers, annotations);
    }

    private Descriptor artifactManifest(byte[] wasm, List<Descriptor> extraLayers, Map<String, String> annotations) throws IOException {
        Descriptor layer = blob(MediaTypes.WASM_LAYER, wasm);
        ObjectNode config = OciJson.MAPPER.createObjectNode();
        config.put("created", CREATED);
        config.put("architecture", "wasm");
        config.put("os", "wasip1");
        config.putArray("layerDigests").add(layer.digest().toString());
        config.putNull("component");
        List<Descriptor> layers = new ArrayList<>(List.of(layer));
        layers.addAll(extraLayers);
        return manifest(blob(MediaTypes.WASM_CONFIG, OciJson.bytes(config)), layers, annotations);
    }

    private Descriptor nativeManifest(NativeBinary nativeBinary, ProgressListener progress) throws IOException {
        String step = "pack " + nativeBinary.platform() + " fallback";
        progress.on(new ProgressEvent.StepStarted(step, -1));
        byte[] binary;
        try {
            binary = Files.readAllBytes(nativeBinary.file());
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException("--native " + nativeBinary.platform() + ": " + nativeBinary.file() + " not found");
        }
        byte[] tar = ReproducibleArchives.tar(List.of(new LayerFile("app", binary, 0755)));
        Descriptor layer = blob(MediaTypes.OCI_LAYER_TAR_GZIP, ReproducibleArchives.gzip(tar));
        Descriptor config = blob(MediaTypes.OCI_CONFIG, OciJson.bytes(imageConfig(nativeBinary.platform(), "/app", Digest.of(tar))));
        Descriptor manifest = manifest(config, List.of(layer), Map.of());
        progress.on(new ProgressEvent.StepFinished(step, "manifest " + manifest.digest()));
        return manifest.withPlatform(nativeBinary.platform());
    }

    private static ObjectNode imageConfig(Platform platform, String entrypoint, Digest diffId) {
        ObjectNode config = OciJson.MAPPER.createObjectNode();
        config.put("created", CREATED);
        config.put("architecture", platform.architecture());
        config.put("os", platform.os());
        if (platform.variant() != null) {
            config.put("variant", platform.variant());
        }
        config.putObject("config").putArray("Entrypoint").add(entrypoint);
        ObjectNode rootfs = config.putObject("rootfs");
        rootfs.put("type", "layers");
        rootfs.putArray("diff_ids").add(diffId.toString());
        return config;
    }

    private Descriptor manifest(Descriptor config, List<Descriptor> layers, Map<String, String> annotations) throws IOException {
        byte[] json = OciJson.write(new ImageManifest(MediaTypes.OCI_MANIFEST, null, config, layers, new LinkedHashMap<>(annotations)));
        return blob(MediaTypes.OCI_MANIFEST, json);
    }

    private Descriptor blob(String mediaType, byte[] content) throws IOException {
        store.blobs().put(content);
        return Descriptor.of(mediaType, content);
    }
}
