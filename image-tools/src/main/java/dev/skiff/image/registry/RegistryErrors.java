package dev.skiff.image.registry;

import com.fasterxml.jackson.databind.JsonNode;
import dev.skiff.image.oci.OciJson;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

/** Turns a registry's refusal into an error that names the registry, repository, status and reason. */
final class RegistryErrors {
    /** Error bodies are a few hundred bytes; more is not worth reading. */
    private static final int MAX_ERROR_BODY = 64 * 1024;

    private RegistryErrors() {}

    /** E.g. "registry H, repository R: uploading blob … failed with HTTP 403 (DENIED: not allowed)". Consumes the body. */
    static IOException failure(RegistryTarget target, String action, HttpResponse<InputStream> response) {
        String reason;
        try (InputStream body = response.body()) {
            reason = reason(body.readNBytes(MAX_ERROR_BODY));
        } catch (IOException e) {
            reason = "";
        }
        return new IOException(target.describe() + ": " + action + " failed with HTTP " + response.statusCode() + reason);
    }

    /** The distribution API's {@code {"errors":[{"code","message"}]}} as " (CODE: message; …)", else "". */
    private static String reason(byte[] body) {
        JsonNode errors;
        try {
            errors = OciJson.MAPPER.readTree(body).path("errors");
        } catch (IOException e) {
            return ""; // not JSON: an HTML page from a proxy says nothing useful
        }
        List<String> parts = new ArrayList<>();
        for (JsonNode error : errors) {
            String code = error.path("code").asText("");
            String message = error.path("message").asText("");
            parts.add(code.isEmpty() ? message : message.isEmpty() ? code : code + ": " + message);
        }
        parts.removeIf(String::isEmpty);
        return parts.isEmpty() ? "" : " (" + String.join("; ", parts) + ")";
    }
}
