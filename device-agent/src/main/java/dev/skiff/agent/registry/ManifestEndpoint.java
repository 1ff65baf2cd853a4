package dev.skiff.agent.registry;

import dev.skiff.agent.content.ContentStore;
import dev.skiff.image.oci.Descriptor;
import dev.skiff.image.oci.Digest;
import dev.skiff.image.oci.ImageFormatException;
import dev.skiff.image.oci.MediaTypes;
import dev.skiff.image.oci.OciJson;
import dev.skiff.image.oci.Reference;
import dev.skiff.image.store.ImageGraph;
import dev.skiff.image.store.ImageStore;
import dev.skiff.image.store.ImageValidator;
import dev.skiff.image.store.Staging;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Map;
import java.util.Optional;

/**
 * {@code HEAD|GET|PUT /v2/NAME/manifests/REF}, REF a tag or a digest. A tag pushed here names
 * {@code localhost/NAME:TAG} in the agent's store ({@link ContentStore#pushed}). A manifest is
 * accepted only whole and sound: at most 4 MiB, strictly parsed, every blob it references already
 * on the device, and the image it roots valid ({@link ImageValidator}) before the tag moves.
 */
record ManifestEndpoint(ContentStore content) {
    void get(RegistryExchange exchange, RegistryPath path) throws IOException {
        Descriptor manifest = find(path);
        exchange.header("Docker-Content-Digest", manifest.digest().toString());
        try (OutputStream out = exchange.body(200, manifest.mediaType(), manifest.size())) {
            if (!exchange.method().equals("HEAD")) {
                out.write(store().blobs().read(manifest.digest(), OciJson.MAX_MANIFEST_BYTES));
            }
        } catch (ImageFormatException e) {
            throw new IOException("the agent's store is damaged: " + e.getMessage(), e);
        }
    }

    void put(RegistryExchange exchange, RegistryPath path) throws IOException {
        Reference target = reference(path);
        byte[] json = exchange.body().readNBytes(OciJson.MAX_MANIFEST_BYTES + 1);
        if (json.length > OciJson.MAX_MANIFEST_BYTES) {
            throw RegistryError.MANIFEST_INVALID.because("the manifest is over the 4 MiB limit for manifests");
        }
        Descriptor manifest = new Descriptor(mediaType(exchange, json), Digest.of(json), json.length, null, Map.of());
        if (target.digest() != null && !target.digest().equals(manifest.digest())) {
            throw RegistryError.DIGEST_INVALID.because("the manifest hashes to " + manifest.digest() + ", not to " + target.digest());
        }
        try (Staging staging = store().stage()) {
            staging.blobs().write(manifest.digest(), json.length, new ByteArrayInputStream(json), n -> {});
            for (Descriptor child : ImageGraph.children(manifest, staging)) {
                if (!staging.has(child.digest())) {
                    throw RegistryError.MANIFEST_BLOB_UNKNOWN.because("the manifest references " + child.digest() + " (" + child.mediaType()
                            + "), which is not on this device; push it first");
                }
            }
            ImageValidator.validate(staging, manifest);
            // by digest: a part of an image (or a signature) whose tag comes with the next push, as the pusher orders them
            staging.commit(target.tag() != null ? Map.of(target, manifest) : Map.of());
        } catch (ImageFormatException e) {
            throw RegistryError.MANIFEST_INVALID.because(e.getMessage());
        }
        exchange.header("Location", "/v2/" + path.name() + "/manifests/" + manifest.digest());
        exchange.header("Docker-Content-Digest", manifest.digest().toString());
        exchange.headers(201, 0);
    }

    private Descriptor find(RegistryPath path) throws IOException {
        Reference ref = reference(path);
        if (ref.digest() != null) {
            try {
                return content.descriptor(ref.digest());
            } catch (ImageFormatException e) {
                throw RegistryError.MANIFEST_UNKNOWN.because("no manifest " + ref.digest() + " is on this device");
            }
        }
        Optional<Descriptor> tagged = store().resolve(ref);
        if (tagged.isPresent()) {
            return tagged.get();
        }
        boolean known = store().list().stream().anyMatch(t -> t.reference().repositoryName().equals(ref.repositoryName()));
        throw (known ? RegistryError.MANIFEST_UNKNOWN : RegistryError.NAME_UNKNOWN)
                .because("no image " + path.name() + ":" + path.argument() + " is on this device");
    }

    /**
     * Content-Type says what the document is; when it is missing or generic, the document's
     * mediaType field does, and when both are there they must agree.
     */
    private static String mediaType(RegistryExchange exchange, byte[] json) {
        String header = exchange.header("Content-Type").map(t -> t.split(";")[0].trim()).orElse("");
        String declared;
        try {
            declared = OciJson.mediaTypeOf(json, "the manifest");
        } catch (ImageFormatException e) {
            throw RegistryError.MANIFEST_INVALID.because(e.getMessage());
        }
        String mediaType = header.isEmpty() || header.equals("application/json") ? declared : header;
        if (!MediaTypes.INDEXES.contains(mediaType) && !MediaTypes.MANIFESTS.contains(mediaType)) {
            throw RegistryError.MANIFEST_INVALID.because("media type " + mediaType + " is neither an image index nor an image manifest");
        }
        if (declared != null && !declared.equals(mediaType)) {
            throw RegistryError.MANIFEST_INVALID.because("the manifest says it is " + declared + ", but was sent as " + mediaType);
        }
        return mediaType;
    }

    private static Reference reference(RegistryPath path) {
        if (path.argument().contains(":")) {
            RegistryExchange.digest(path.argument()); // a malformed digest is DIGEST_INVALID, not a bad name
        }
        try {
            return ContentStore.pushed(path.name(), path.argument());
        } catch (IllegalArgumentException e) {
            throw RegistryError.NAME_INVALID.because(e.getMessage());
        }
    }

    private ImageStore store() {
        return content.images();
    }
}
