package dev.skiff.image.registry;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.skiff.image.oci.Digest;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An in-process registry speaking enough of the distribution API to test the client: bearer tokens
 * from {@code /token} (for one user), uploads with relative Locations, blob downloads redirected to
 * another authority, and switches for failures.
 */
final class FakeRegistry implements AutoCloseable {
    private static final Pattern BLOB = Pattern.compile("/v2/(.+)/blobs/(sha256:[0-9a-f]{64})");
    private static final Pattern UPLOAD = Pattern.compile("/v2/(.+)/blobs/uploads/([0-9a-f-]*)");
    private static final Pattern MANIFEST = Pattern.compile("/v2/(.+)/manifests/([^/]+)");

    record Manifest(String mediaType, byte[] content) {}

    final Map<String, byte[]> blobs = new ConcurrentHashMap<>();
    /** By "repository:tag" and "repository@digest". */
    final Map<String, Manifest> manifests = new ConcurrentHashMap<>();
    final List<String> requests = new CopyOnWriteArrayList<>();
    final AtomicInteger tokenRequests = new AtomicInteger();
    /** How many of the next requests get a 503. */
    final AtomicInteger failNext = new AtomicInteger();
    /** Tags served with a Docker-Content-Digest that does not match. */
    final Set<String> lyingTags = ConcurrentHashMap.newKeySet();
    /** Authorization headers that reached the blob storage behind the redirect. */
    final List<String> storageAuthorizations = new CopyOnWriteArrayList<>();

    private final HttpServer server;
    private final String user;
    private final String password;

    FakeRegistry(String user, String password) throws IOException {
        this.user = user;
        this.password = password;
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    /** The registry as references name it. */
    String registry() {
        return "127.0.0.1:" + server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            String path = ex.getRequestURI().getPath();
            String method = ex.getRequestMethod();
            requests.add(method + " " + path);
            byte[] body = ex.getRequestBody().readAllBytes();
            if (failNext.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                send(ex, 503, "{\"errors\":[{\"code\":\"UNAVAILABLE\",\"message\":\"try later\"}]}".getBytes(StandardCharsets.UTF_8));
                return;
            }
            if (path.equals("/token")) {
                token(ex);
            } else if (path.startsWith("/storage/")) {
                storageAuthorizations.add(String.valueOf(ex.getRequestHeaders().getFirst("Authorization")));
                send(ex, 200, blobs.get(path.substring("/storage/".length())));
            } else if (authorized(ex, method, path)) {
                api(ex, method, path, body);
            }
        }
    }

    private void token(HttpExchange ex) throws IOException {
        tokenRequests.incrementAndGet();
        String expected = "Basic " + new Credential(user, password).encode();
        if (!expected.equals(ex.getRequestHeaders().getFirst("Authorization"))) {
            send(ex, 401, new byte[0]);
            return;
        }
        String scope = query(ex, "scope");
        // Docker Hub answers with both fields; other servers with either: alternate to cover both.
        String field = scope.endsWith(":pull") ? "token" : "access_token";
        send(ex, 200, ("{\"" + field + "\":\"tok-" + scope + "\"}").getBytes(StandardCharsets.UTF_8));
    }

    private boolean authorized(HttpExchange ex, String method, String path) throws IOException {
        Matcher repo = Pattern.compile("/v2/(.+)/(blobs|manifests)/.*").matcher(path);
        String scope = !repo.matches() ? ""
                : "repository:" + repo.group(1) + ":" + (method.equals("GET") || method.equals("HEAD") ? "pull" : "pull,push");
        String header = ex.getRequestHeaders().getFirst("Authorization");
        boolean ok = header != null && (scope.isEmpty() ? header.startsWith("Bearer tok-") : header.equals("Bearer tok-" + scope));
        if (!ok) {
            ex.getResponseHeaders().add("WWW-Authenticate", "Bearer realm=\"http://" + registry() + "/token\",service=\"fake\""
                    + (scope.isEmpty() ? "" : ",scope=\"" + scope + "\""));
            send(ex, 401, "{\"errors\":[{\"code\":\"UNAUTHORIZED\",\"message\":\"authentication required\"}]}".getBytes(StandardCharsets.UTF_8));
        }
        return ok;
    }

    private void api(HttpExchange ex, String method, String path, byte[] body) throws IOException {
        Matcher m;
        if (path.equals("/v2/")) {
            send(ex, 200, "{}".getBytes(StandardCharsets.UTF_8));
        } else if ((m = UPLOAD.matcher(path)).matches() && method.equals("POST")) {
            ex.getResponseHeaders().add("Location", "/v2/" + m.group(1) + "/blobs/uploads/" + UUID.randomUUID());
            send(ex, 202, new byte[0]);
        } else if ((m = UPLOAD.matcher(path)).matches() && method.equals("PUT")) {
            String digest = query(ex, "digest");
            if (!digest.equals(Digest.of(body).toString())) {
                send(ex, 400, "{\"errors\":[{\"code\":\"DIGEST_INVALID\",\"message\":\"digest mismatch\"}]}".getBytes(StandardCharsets.UTF_8));
                return;
            }
            blobs.put(digest, body);
            send(ex, 201, new byte[0]);
        } else if ((m = BLOB.matcher(path)).matches()) {
            byte[] blob = blobs.get(m.group(2));
            if (blob == null) {
                send(ex, 404, new byte[0]);
            } else if (method.equals("HEAD")) {
                send(ex, 200, blob);
            } else {
                // Another authority for the same server: credentials must not follow the redirect.
                ex.getResponseHeaders().add("Location", "http://localhost:" + server.getAddress().getPort() + "/storage/" + m.group(2));
                send(ex, 307, new byte[0]);
            }
        } else if ((m = MANIFEST.matcher(path)).matches()) {
            manifest(ex, method, m.group(1), m.group(2), body);
        } else {
            send(ex, 404, new byte[0]);
        }
    }

    private void manifest(HttpExchange ex, String method, String repository, String key, byte[] body) throws IOException {
        if (repository.startsWith("denied/") && method.equals("PUT")) {
            send(ex, 403, "{\"errors\":[{\"code\":\"DENIED\",\"message\":\"no pushing here\"}]}".getBytes(StandardCharsets.UTF_8));
            return;
        }
        String name = repository + (key.startsWith("sha256:") ? "@" : ":") + key;
        if (method.equals("PUT")) {
            Manifest manifest = new Manifest(ex.getRequestHeaders().getFirst("Content-Type"), body);
            manifests.put(name, manifest);
            manifests.put(repository + "@" + Digest.of(body), manifest);
            send(ex, 201, new byte[0]);
            return;
        }
        Manifest manifest = manifests.get(name);
        if (manifest == null) {
            send(ex, 404, "{\"errors\":[{\"code\":\"MANIFEST_UNKNOWN\",\"message\":\"manifest unknown\"}]}".getBytes(StandardCharsets.UTF_8));
            return;
        }
        ex.getResponseHeaders().add("Content-Type", manifest.mediaType());
        ex.getResponseHeaders().add("Docker-Content-Digest",
                (lyingTags.contains(key) ? Digest.of(new byte[0]) : Digest.of(manifest.content())).toString());
        send(ex, 200, manifest.content());
    }

    private static String query(HttpExchange ex, String name) {
        String query = ex.getRequestURI().getRawQuery();
        for (String pair : query == null ? new String[0] : query.split("&")) {
            if (pair.startsWith(name + "=")) {
                return URLDecoder.decode(pair.substring(name.length() + 1), StandardCharsets.UTF_8);
            }
        }
        return "";
    }

    /** Answers HEAD with the headers only. */
    private static void send(HttpExchange ex, int status, byte[] body) throws IOException {
        boolean empty = body.length == 0 || ex.getRequestMethod().equals("HEAD");
        ex.sendResponseHeaders(status, empty ? -1 : body.length);
        if (!empty) {
            try (OutputStream out = ex.getResponseBody()) {
                out.write(body);
            }
        }
    }
}
