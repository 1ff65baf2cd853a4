package dev.skiff.agent.registry;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.skiff.agent.content.ContentStore;
import dev.skiff.agent.tls.OperatorCheck;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.function.BooleanSupplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The push and pull half of the OCI distribution API under {@code /v2/}, on the agent's HTTPS port
 * and for operators only (the same {@link OperatorCheck} as the REST API): {@code skiff push --to}
 * and {@code skopeo copy … docker://DEVICE:PORT/app:tag} deliver images straight into the agent's
 * store, and a push sends only the blobs the device lacks. Tag listing, deletion and catalog are
 * not served.
 */
public final class RegistryHandler implements HttpHandler {
    private static final Logger LOG = Logger.getLogger(RegistryHandler.class.getName());

    private final BooleanSupplier enrolled;
    private final BlobEndpoint blobs;
    private final BlobUploads uploads;
    private final ManifestEndpoint manifests;

    /** @param uploads where unfinished chunked uploads keep their bytes; emptied now */
    public RegistryHandler(ContentStore content, Path uploads, BooleanSupplier enrolled) throws IOException {
        this.enrolled = enrolled;
        this.blobs = new BlobEndpoint(content.images().blobs());
        this.uploads = new BlobUploads(content.images(), uploads);
        this.manifests = new ManifestEndpoint(content);
    }

    @Override
    public void handle(HttpExchange http) {
        try (http) {
            RegistryExchange exchange = new RegistryExchange(http);
            try {
                OperatorCheck.refusal(http, enrolled.getAsBoolean()).ifPresent(reason -> {
                    throw RegistryError.UNAUTHORIZED.because(reason);
                });
                dispatch(exchange, RegistryPath.parse(http.getRequestURI().getPath()));
            } catch (RegistryException e) {
                exchange.fail(e);
            } catch (IOException | RuntimeException e) {
                LOG.log(Level.WARNING, "registry request " + http.getRequestMethod() + " " + http.getRequestURI() + " failed", e);
                exchange.fail(RegistryError.UNKNOWN.because("internal error: " + e));
            }
        } catch (IOException gone) {
            // the client went away mid-answer; nothing left to tell it
        }
    }

    private void dispatch(RegistryExchange exchange, RegistryPath path) throws IOException {
        String method = exchange.method();
        switch (path.kind()) {
            case ROOT -> {
                if (method.equals("GET") || method.equals("HEAD")) {
                    byte[] empty = "{}".getBytes(StandardCharsets.UTF_8);
                    try (OutputStream out = exchange.body(200, "application/json", empty.length)) {
                        out.write(empty);
                    }
                    return;
                }
            }
            case BLOB -> {
                if (method.equals("GET") || method.equals("HEAD")) {
                    blobs.get(exchange, path);
                    return;
                }
            }
            case UPLOADS -> {
                if (method.equals("POST")) {
                    uploads.start(exchange, path);
                    return;
                }
            }
            case UPLOAD -> {
                switch (method) {
                    case "PATCH" -> uploads.patch(exchange, path);
                    case "PUT" -> uploads.finish(exchange, path);
                    case "GET" -> uploads.status(exchange, path);
                    case "DELETE" -> uploads.cancel(exchange, path);
                    default -> throw unsupported(method, path);
                }
                return;
            }
            case MANIFEST -> {
                switch (method) {
                    case "GET", "HEAD" -> manifests.get(exchange, path);
                    case "PUT" -> manifests.put(exchange, path);
                    default -> throw unsupported(method, path);
                }
                return;
            }
        }
        throw unsupported(method, path);
    }

    private static RegistryException unsupported(String method, RegistryPath path) {
        return RegistryError.UNSUPPORTED.because(method + " is not served on " + path.kind().name().toLowerCase() + " paths of the device's registry");
    }
}
