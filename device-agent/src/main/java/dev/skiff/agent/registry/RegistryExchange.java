package dev.skiff.agent.registry;

import com.sun.net.httpserver.HttpExchange;
import dev.skiff.image.oci.Digest;
import dev.skiff.image.oci.ImageFormatException;
import dev.skiff.protocols.api.ApiJson;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/** One request to the registry endpoint: its query, headers and body, and the ways it is answered. */
final class RegistryExchange {
    private final HttpExchange http;
    private boolean responded;

    RegistryExchange(HttpExchange http) {
        this.http = http;
        // what tells docker-style clients they reach a registry (they check it on GET /v2/)
        http.getResponseHeaders().set("Docker-Distribution-API-Version", "registry/2.0");
    }

    String method() {
        return http.getRequestMethod();
    }

    Optional<String> query(String name) {
        String query = http.getRequestURI().getRawQuery();
        if (query != null) {
            for (String pair : query.split("&")) {
                String[] kv = pair.split("=", 2);
                if (URLDecoder.decode(kv[0], StandardCharsets.UTF_8).equals(name)) {
                    return Optional.of(kv.length == 2 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "");
                }
            }
        }
        return Optional.empty();
    }

    /** The {@code ?digest=} that completes an upload, if the request has one. */
    Optional<Digest> digestParameter() {
        return query("digest").map(RegistryExchange::digest);
    }

    static Digest digest(String text) {
        try {
            return Digest.parse(text);
        } catch (ImageFormatException e) {
            throw RegistryError.DIGEST_INVALID.because(e.getMessage());
        }
    }

    Optional<String> header(String name) {
        return Optional.ofNullable(http.getRequestHeaders().getFirst(name));
    }

    InputStream body() {
        return http.getRequestBody();
    }

    /** Answers with headers only; for HEAD, {@code length} is sent as Content-Length of the body a GET would get. */
    void headers(int status, long length) throws IOException {
        responded = true;
        if (method().equals("HEAD")) {
            // the JDK server sends no body for HEAD and wants the length set by hand
            http.getResponseHeaders().set("Content-Length", Long.toString(length));
        }
        http.sendResponseHeaders(status, -1);
    }

    /** Answers with a body of known length; for HEAD, its headers only. */
    OutputStream body(int status, String contentType, long length) throws IOException {
        http.getResponseHeaders().set("Content-Type", contentType);
        if (method().equals("HEAD")) {
            headers(status, length);
            return OutputStream.nullOutputStream();
        }
        responded = true;
        http.sendResponseHeaders(status, length == 0 ? -1 : length);
        return http.getResponseBody();
    }

    /** Refusals read no further than they must; more unread than this and the connection is closed instead. */
    private static final long MAX_DISCARD = 4L << 20;

    /**
     * Reads what the client still sends of a refused request, so its connection stays usable: the
     * JDK server would otherwise close it after the answer, under a client that pools connections.
     */
    private void discardUnreadBody() throws IOException {
        InputStream in = http.getRequestBody();
        long left = MAX_DISCARD;
        for (long n; left > 0 && (n = in.skip(left)) > 0; ) {
            left -= n;
        }
        if (left == 0 && in.read() >= 0) {
            http.getResponseHeaders().set("Connection", "close");
        }
    }

    void header(String name, String value) {
        http.getResponseHeaders().set(name, value);
    }

    void fail(RegistryException e) throws IOException {
        if (responded) {
            return; // the answer has begun (a download the client broke off): nothing left to tell
        }
        discardUnreadBody();
        byte[] json = ApiJson.write(e.body());
        try (OutputStream out = body(e.error().status(), "application/json", json.length)) {
            out.write(json);
        }
    }
}
