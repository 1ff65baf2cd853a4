package dev.skiff.image;

import dev.skiff.image.oci.Descriptor;
import dev.skiff.image.oci.Digest;
import dev.skiff.image.oci.ImageConfig;
import dev.skiff.image.oci.ImageFormatException;
import dev.skiff.image.oci.ImageManifest;
import dev.skiff.image.oci.MediaTypes;
import dev.skiff.image.oci.OciJson;
import dev.skiff.image.store.BlobSource;
import dev.skiff.image.store.ImageGraph;
import dev.skiff.image.store.LayerTar;
import dev.skiff.protocols.manifest.AppManifest;
import dev.skiff.protocols.manifest.ManifestException;
import dev.skiff.protocols.manifest.ManifestParser;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

/**
 * What it takes to run an image: the module, its argv and environment, the Skiff manifest when
 * the image carries one (images made by other tools do not), and a precompiled artifact if any.
 *
 * @param argv argv[0] is the module path inside the image
 * @param precompiled the precompiled layer, or null
 */
public record AppImage(Digest manifestDigest, byte[] wasm, List<String> argv, Map<String, String> env,
        Optional<AppManifest> app, Precompiled precompiled) {

    /** A precompiled layer and the engine version that made it. */
    public record Precompiled(String engineVersion, byte[] artifact) {}

    /** Reads the wasm image {@code root} names: the wasm entry of an index, or a manifest itself. */
    public static AppImage open(BlobSource blobs, Descriptor root) throws IOException, ImageFormatException {
        Descriptor manifestDescriptor = ImageGraph.isIndex(root) ? wasmEntry(blobs, root) : root;
        ImageManifest manifest = ImageGraph.manifest(manifestDescriptor, blobs);
        byte[] configJson = blobs.read(manifest.config().digest(), OciJson.MAX_MANIFEST_BYTES);
        Optional<AppManifest> app = appManifest(manifest.annotations().get(Annotations.MANIFEST));
        Precompiled precompiled = null;
        for (Descriptor layer : manifest.layers()) {
            String compiler = layer.annotation(Annotations.COMPILER);
            if (layer.mediaType().equals(MediaTypes.SKIFF_PRECOMPILED) && compiler != null) {
                precompiled = new Precompiled(compiler, blobs.read(layer.digest(), LayerTar.MAX_FILE_BYTES));
            }
        }
        if (manifest.config().mediaType().equals(MediaTypes.WASM_CONFIG)) {
            Descriptor layer = manifest.layers().stream().filter(l -> l.mediaType().equals(MediaTypes.WASM_LAYER)).findFirst()
                    .orElseThrow(() -> new ImageFormatException("wasm artifact " + manifestDescriptor.digest() + " has no " + MediaTypes.WASM_LAYER + " layer"));
            byte[] wasm = blobs.read(layer.digest(), LayerTar.MAX_FILE_BYTES);
            List<String> argv = new ArrayList<>(List.of("/app.wasm"));
            app.ifPresent(a -> argv.addAll(a.args()));
            return new AppImage(manifestDescriptor.digest(), wasm, argv, app.map(AppManifest::env).orElse(Map.of()), app, precompiled);
        }
        ImageConfig config = OciJson.parseConfig(configJson, "config " + manifest.config().digest());
        if (!"wasm".equals(config.architecture())) {
            throw new ImageFormatException("image " + manifestDescriptor.digest() + " is for " + config.os() + "/"
                    + config.architecture() + ", not wasm; skiff runs wasm images only");
        }
        List<String> argv = new ArrayList<>(config.entrypoint());
        argv.addAll(config.cmd());
        if (argv.isEmpty()) {
            throw new ImageFormatException("image " + manifestDescriptor.digest() + " has neither Entrypoint nor Cmd naming its module");
        }
        byte[] wasm = extract(blobs, manifest, argv.getFirst());
        return new AppImage(manifestDescriptor.digest(), wasm, argv, env(config.env()), app, precompiled);
    }

    private static Descriptor wasmEntry(BlobSource blobs, Descriptor index) throws IOException, ImageFormatException {
        List<Descriptor> entries = ImageGraph.index(index, blobs).manifests();
        return entries.stream()
                .filter(d -> d.platform() != null && d.platform().isWasm())
                .findFirst()
                .orElseThrow(() -> new ImageFormatException("image " + index.digest() + " has no wasm platform (it lists "
                        + entries.stream().map(d -> String.valueOf(d.platform())).toList() + ")"));
    }

    private static Optional<AppManifest> appManifest(String json) throws ImageFormatException {
        if (json == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(ManifestParser.parse(json, Annotations.MANIFEST + " annotation"));
        } catch (ManifestException e) {
            throw new ImageFormatException(e.getMessage(), e);
        }
    }

    /** The file at {@code path} in the image's tar layers; later layers override earlier ones. */
    private static byte[] extract(BlobSource blobs, ImageManifest manifest, String path) throws IOException, ImageFormatException {
        String wanted = LayerTar.checkName(path.startsWith("/") ? path.substring(1) : path, "entrypoint");
        byte[] found = null;
        for (Descriptor layer : manifest.layers()) {
            if (!MediaTypes.TAR_LAYERS.contains(layer.mediaType())) {
                continue;
            }
            try (InputStream in = blobs.open(layer.digest()); TarArchiveInputStream tar = LayerTar.open(in, layer.mediaType())) {
                for (TarArchiveEntry e; (e = tar.getNextEntry()) != null; ) {
                    String name = LayerTar.checkName(e.getName(), "layer " + layer.digest());
                    if (name.equals(wanted) && e.isFile()) {
                        if (e.getSize() > LayerTar.MAX_FILE_BYTES) {
                            throw new ImageFormatException(path + " in layer " + layer.digest() + " is larger than 512 MiB");
                        }
                        found = tar.readAllBytes();
                    }
                }
            }
        }
        if (found == null) {
            throw new ImageFormatException("the image's entrypoint " + path + " is not a file in any of its layers");
        }
        return found;
    }

    private static Map<String, String> env(List<String> entries) {
        Map<String, String> env = new LinkedHashMap<>();
        for (String e : entries) {
            int eq = e.indexOf('=');
            if (eq > 0) {
                env.put(e.substring(0, eq), e.substring(eq + 1));
            }
        }
        return env;
    }
}
