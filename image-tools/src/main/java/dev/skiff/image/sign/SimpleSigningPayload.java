package dev.skiff.image.sign;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.skiff.image.oci.Digest;
import dev.skiff.image.oci.ImageFormatException;
import dev.skiff.image.oci.OciJson;
import java.util.Iterator;
import java.util.Set;

/**
 * The document a cosign signature signs (the "simple signing" format of containers/image):
 * which manifest digest, claimed under which repository. The bytes are exactly cosign's, field
 * order included, because the signature is over the bytes, not the meaning.
 */
public record SimpleSigningPayload(String dockerReference, Digest manifestDigest) {
    public static final String TYPE = "cosign container image signature";

    public byte[] bytes() {
        ObjectNode root = OciJson.MAPPER.createObjectNode();
        ObjectNode critical = root.putObject("critical");
        critical.putObject("identity").put("docker-reference", dockerReference);
        critical.putObject("image").put("docker-manifest-digest", manifestDigest.toString());
        critical.put("type", TYPE);
        root.putNull("optional");
        return OciJson.bytes(root);
    }

    /**
     * Parses a payload as the format requires of consumers: every field of {@code critical} known and
     * present, {@code optional} (null, or claims Skiff does not use) ignored.
     */
    public static SimpleSigningPayload parse(byte[] json) throws ImageFormatException {
        JsonNode root = OciJson.tree(json, "signature payload");
        only(root, Set.of("critical", "optional"), "signature payload");
        JsonNode optional = root.get("optional");
        if (optional != null && !optional.isNull() && !optional.isObject()) {
            throw new ImageFormatException("signature payload: \"optional\" must be an object or null");
        }
        JsonNode critical = object(root, "critical", "signature payload");
        only(critical, Set.of("identity", "image", "type"), "signature payload critical");
        String type = text(critical, "type", "signature payload critical");
        if (!type.equals(TYPE)) {
            throw new ImageFormatException("signature payload has type \"" + type + "\", not \"" + TYPE + "\"");
        }
        JsonNode image = object(critical, "image", "signature payload critical");
        only(image, Set.of("docker-manifest-digest"), "signature payload critical.image");
        JsonNode identity = object(critical, "identity", "signature payload critical");
        only(identity, Set.of("docker-reference"), "signature payload critical.identity");
        return new SimpleSigningPayload(text(identity, "docker-reference", "signature payload critical.identity"),
                Digest.parse(text(image, "docker-manifest-digest", "signature payload critical.image")));
    }

    private static void only(JsonNode node, Set<String> allowed, String what) throws ImageFormatException {
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!allowed.contains(name)) {
                throw new ImageFormatException(what + ": unknown field \"" + name + "\"");
            }
        }
    }

    private static JsonNode object(JsonNode node, String field, String what) throws ImageFormatException {
        JsonNode v = node.get(field);
        if (v == null || !v.isObject()) {
            throw new ImageFormatException(what + ": \"" + field + "\" must be an object");
        }
        return v;
    }

    private static String text(JsonNode node, String field, String what) throws ImageFormatException {
        JsonNode v = node.get(field);
        if (v == null || !v.isTextual()) {
            throw new ImageFormatException(what + ": \"" + field + "\" must be a string");
        }
        return v.asText();
    }
}
