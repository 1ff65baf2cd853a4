package dev.skiff.image.oci;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads and writes manifests, indexes and configs. Writing is canonical (fixed field order, sorted
 * annotations, no whitespace) so the same image always has the same digest; reading is strict and
 * every refusal names the field.
 */
public final class OciJson {
    /** Registries commonly cap manifests at 4 MiB; anything larger is refused before parsing. */
    public static final int MAX_MANIFEST_BYTES = 4 << 20;

    public static final ObjectMapper MAPPER =
            JsonMapper.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

    private OciJson() {}

    // ---- writing ----

    public static byte[] write(ImageManifest m) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("schemaVersion", 2);
        root.put("mediaType", m.mediaType());
        if (m.artifactType() != null) {
            root.put("artifactType", m.artifactType());
        }
        root.set("config", descriptor(m.config()));
        ArrayNode layers = root.putArray("layers");
        m.layers().forEach(l -> layers.add(descriptor(l)));
        putAnnotations(root, m.annotations());
        return bytes(root);
    }

    public static byte[] write(ImageIndex index) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("schemaVersion", 2);
        root.put("mediaType", index.mediaType());
        ArrayNode manifests = root.putArray("manifests");
        index.manifests().forEach(d -> manifests.add(descriptor(d)));
        putAnnotations(root, index.annotations());
        return bytes(root);
    }

    public static ObjectNode descriptor(Descriptor d) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("mediaType", d.mediaType());
        node.put("digest", d.digest().toString());
        node.put("size", d.size());
        if (d.platform() != null) {
            ObjectNode p = node.putObject("platform");
            p.put("architecture", d.platform().architecture());
            p.put("os", d.platform().os());
            if (d.platform().variant() != null) {
                p.put("variant", d.platform().variant());
            }
        }
        putAnnotations(node, d.annotations());
        return node;
    }

    private static void putAnnotations(ObjectNode node, Map<String, String> annotations) {
        if (!annotations.isEmpty()) {
            ObjectNode a = node.putObject("annotations");
            new TreeMap<>(annotations).forEach(a::put);
        }
    }

    public static byte[] bytes(JsonNode node) {
        try {
            return MAPPER.writeValueAsBytes(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a tree of plain nodes always serializes", e);
        }
    }

    // ---- reading ----

    /** Parses JSON of at most {@link #MAX_MANIFEST_BYTES}; {@code what} names the document in errors. */
    public static JsonNode tree(byte[] json, String what) throws ImageFormatException {
        if (json.length > MAX_MANIFEST_BYTES) {
            throw new ImageFormatException(what + " is " + json.length + " bytes, over the 4 MiB limit for manifests");
        }
        try {
            JsonNode node = MAPPER.readTree(json);
            if (node == null || !node.isObject()) {
                throw new ImageFormatException(what + " is not a JSON object");
            }
            return node;
        } catch (JsonParseException e) {
            var loc = e.getLocation();
            throw new ImageFormatException("malformed JSON in " + what + " at line " + loc.getLineNr() + ", column "
                    + loc.getColumnNr() + ": " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new ImageFormatException("malformed JSON in " + what + ": " + e.getMessage(), e);
        }
    }

    /** The media type a manifest or index declares about itself (null when absent, as Docker allows). */
    public static String mediaTypeOf(byte[] json, String what) throws ImageFormatException {
        JsonNode mt = tree(json, what).get("mediaType");
        return mt == null || mt.isNull() ? null : mt.asText();
    }

    public static boolean isIndex(JsonNode root) {
        JsonNode mt = root.get("mediaType");
        return mt != null ? MediaTypes.INDEXES.contains(mt.asText()) : root.has("manifests");
    }

    public static ImageManifest parseManifest(byte[] json, String what) throws ImageFormatException {
        JsonNode root = tree(json, what);
        schemaVersion(root, what);
        String mediaType = optionalText(root, "mediaType", what);
        if (mediaType == null) {
            mediaType = MediaTypes.OCI_MANIFEST;
        } else if (!MediaTypes.MANIFESTS.contains(mediaType)) {
            throw new ImageFormatException(what + ": mediaType " + mediaType + " is not an image manifest");
        }
        JsonNode config = root.get("config");
        if (config == null || !config.isObject()) {
            throw new ImageFormatException(what + ": missing \"config\" descriptor");
        }
        JsonNode layers = root.get("layers");
        if (layers == null || !layers.isArray()) {
            throw new ImageFormatException(what + ": missing \"layers\" array");
        }
        List<Descriptor> layerList = new ArrayList<>();
        for (int i = 0; i < layers.size(); i++) {
            layerList.add(parseDescriptor(layers.get(i), what + " layers[" + i + "]"));
        }
        return new ImageManifest(mediaType, optionalText(root, "artifactType", what),
                parseDescriptor(config, what + " config"), layerList, annotations(root, what));
    }

    public static ImageIndex parseIndex(byte[] json, String what) throws ImageFormatException {
        JsonNode root = tree(json, what);
        schemaVersion(root, what);
        String mediaType = optionalText(root, "mediaType", what);
        if (mediaType == null) {
            mediaType = MediaTypes.OCI_INDEX;
        } else if (!MediaTypes.INDEXES.contains(mediaType)) {
            throw new ImageFormatException(what + ": mediaType " + mediaType + " is not an image index");
        }
        JsonNode manifests = root.get("manifests");
        if (manifests == null || !manifests.isArray()) {
            throw new ImageFormatException(what + ": missing \"manifests\" array");
        }
        List<Descriptor> list = new ArrayList<>();
        for (int i = 0; i < manifests.size(); i++) {
            list.add(parseDescriptor(manifests.get(i), what + " manifests[" + i + "]"));
        }
        return new ImageIndex(mediaType, list, annotations(root, what));
    }

    /** The fields of an OCI or wasm-artifact config that Skiff uses. */
    public static ImageConfig parseConfig(byte[] json, String what) throws ImageFormatException {
        JsonNode root = tree(json, what);
        String os = optionalText(root, "os", what);
        String arch = optionalText(root, "architecture", what);
        JsonNode c = root.path("config");
        return new ImageConfig(os, arch, strings(c.get("Entrypoint"), what + " Entrypoint"),
                strings(c.get("Cmd"), what + " Cmd"), strings(c.get("Env"), what + " Env"), stringMap(c.get("Labels"), what + " Labels"));
    }

    public static Descriptor parseDescriptor(JsonNode node, String what) throws ImageFormatException {
        if (node == null || !node.isObject()) {
            throw new ImageFormatException(what + ": descriptor is not an object");
        }
        String mediaType = optionalText(node, "mediaType", what);
        if (mediaType == null || mediaType.isBlank()) {
            throw new ImageFormatException(what + ": descriptor has no mediaType");
        }
        Digest digest = Digest.parse(optionalText(node, "digest", what));
        JsonNode size = node.get("size");
        if (size == null || !size.canConvertToLong() || !size.isIntegralNumber() || size.asLong() < 0) {
            throw new ImageFormatException(what + ": descriptor size must be a non-negative integer");
        }
        Platform platform = null;
        JsonNode p = node.get("platform");
        if (p != null && p.isObject()) {
            String os = optionalText(p, "os", what + " platform");
            String arch = optionalText(p, "architecture", what + " platform");
            if (os == null || arch == null) {
                throw new ImageFormatException(what + ": platform needs os and architecture");
            }
            platform = new Platform(os, arch, optionalText(p, "variant", what + " platform"));
        }
        return new Descriptor(mediaType, digest, size.asLong(), platform, annotations(node, what));
    }

    private static void schemaVersion(JsonNode root, String what) throws ImageFormatException {
        JsonNode v = root.get("schemaVersion");
        if (v == null || !v.isInt() || v.asInt() != 2) {
            throw new ImageFormatException(what + ": schemaVersion must be 2");
        }
    }

    private static String optionalText(JsonNode node, String field, String what) throws ImageFormatException {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isTextual()) {
            throw new ImageFormatException(what + ": \"" + field + "\" must be a string");
        }
        return v.asText();
    }

    private static Map<String, String> annotations(JsonNode node, String what) throws ImageFormatException {
        return stringMap(node.get("annotations"), what + " annotations");
    }

    private static Map<String, String> stringMap(JsonNode node, String what) throws ImageFormatException {
        Map<String, String> map = new LinkedHashMap<>();
        if (node == null || node.isNull()) {
            return map;
        }
        if (!node.isObject()) {
            throw new ImageFormatException(what + " must be an object of strings");
        }
        for (var it = node.fields(); it.hasNext(); ) {
            var e = it.next();
            if (!e.getValue().isTextual()) {
                throw new ImageFormatException(what + ": \"" + e.getKey() + "\" must be a string");
            }
            map.put(e.getKey(), e.getValue().asText());
        }
        return map;
    }

    private static List<String> strings(JsonNode node, String what) throws ImageFormatException {
        List<String> list = new ArrayList<>();
        if (node == null || node.isNull()) {
            return list;
        }
        if (!node.isArray()) {
            throw new ImageFormatException(what + " must be an array of strings");
        }
        for (JsonNode n : node) {
            if (!n.isTextual()) {
                throw new ImageFormatException(what + " must be an array of strings");
            }
            list.add(n.asText());
        }
        return list;
    }
}
