package dev.skiff.agent.api;

import com.sun.net.httpserver.HttpExchange;
import dev.skiff.protocols.api.ApiJson;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** One request as an endpoint sees it: path parameters, query flags, a JSON body, and ways to answer. */
final class ApiExchange {
    /** Requests are small JSON documents; anything larger is refused before it is read. */
    static final int MAX_BODY_BYTES = 1 << 20;

    private final HttpExchange http;
    private final Map<String, String> params;
    private boolean responded;

    ApiExchange(HttpExchange http, Map<String, String> params) {
        this.http = http;
        this.params = params;
    }

    String param(String name) {
        return params.get(name);
    }

    /** Whether the query has {@code name=true} (or a bare {@code name}). */
    boolean flag(String name) {
        String query = http.getRequestURI().getRawQuery();
        if (query == null) {
            return false;
        }
        for (String pair : query.split("&")) {
            String[] kv = pair.split("=", 2);
            if (URLDecoder.decode(kv[0], StandardCharsets.UTF_8).equals(name)) {
                return kv.length == 1 || kv[1].equals("true") || kv[1].equals("1");
            }
        }
        return false;
    }

    <T> T body(Class<T> type) throws IOException {
        try (InputStream in = http.getRequestBody()) {
            byte[] bytes = in.readNBytes(MAX_BODY_BYTES + 1);
            if (bytes.length > MAX_BODY_BYTES) {
                throw new ApiException(413, "the request body is larger than " + MAX_BODY_BYTES + " bytes");
            }
            if (bytes.length == 0) {
                throw new ApiException(400, "the request needs a JSON body (" + type.getSimpleName() + ")");
            }
            return ApiJson.read(bytes, type);
        }
    }

    void json(int status, Object body) throws IOException {
        bytes(status, "application/json", ApiJson.write(body));
    }

    /** Answers with a body of known length. */
    void bytes(int status, String contentType, byte[] body) throws IOException {
        http.getResponseHeaders().set("Content-Type", contentType);
        send(status, body.length);
        try (OutputStream out = http.getResponseBody()) {
            out.write(body);
        }
    }

    void noContent() throws IOException {
        send(204, -1);
    }

    /** Starts a chunked {@code text/plain} answer of unknown length; the caller writes and closes it. */
    OutputStream text() throws IOException {
        http.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
        send(200, 0);
        return http.getResponseBody();
    }

    /** Whether an answer has begun (then an error can no longer be sent as one). */
    boolean responded() {
        return responded;
    }

    private void send(int status, long length) throws IOException {
        responded = true;
        http.sendResponseHeaders(status, length);
    }
}
