package dev.skiff.protocols.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Reads and writes the API's bodies. Unknown fields are refused, so a misspelt field is an error
 * rather than a silently ignored setting; every message names the body that was wrong.
 */
public final class ApiJson {
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .build();

    private ApiJson() {}

    public static byte[] write(Object body) {
        try {
            return MAPPER.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + body.getClass().getSimpleName() + " as JSON", e);
        }
    }

    /** @throws IllegalArgumentException naming the type and what is wrong with the JSON */
    public static <T> T read(byte[] json, Class<T> type) {
        try {
            return MAPPER.readValue(json, type);
        } catch (java.io.IOException e) {
            throw invalid(type.getSimpleName(), json, e);
        }
    }

    public static <T> List<T> readList(byte[] json, Class<T> element) {
        try {
            return MAPPER.readValue(json, MAPPER.getTypeFactory().constructCollectionType(List.class, element));
        } catch (java.io.IOException e) {
            throw invalid("list of " + element.getSimpleName(), json, e);
        }
    }

    private static IllegalArgumentException invalid(String what, byte[] json, java.io.IOException e) {
        String problem = e instanceof JsonProcessingException p ? p.getOriginalMessage() : e.getMessage();
        String start = new String(json, 0, Math.min(json.length, 80), StandardCharsets.UTF_8);
        return new IllegalArgumentException("not a valid " + what + " body (" + problem + "): " + start);
    }
}
