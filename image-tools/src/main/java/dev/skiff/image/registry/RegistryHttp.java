package dev.skiff.image.registry;

import dev.skiff.runtime.Versions;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;

/**
 * Sends one request of the distribution API the way registries need it: answers 401 challenges,
 * retries connection failures, 429 and 5xx (up to 3 attempts, with backoff), and follows
 * redirects of reads itself so that credentials never go to another host (blob downloads are often
 * redirected to a storage service).
 */
final class RegistryHttp {
    private static final int ATTEMPTS = 3;
    private static final int MAX_REDIRECTS = 5;
    /**
     * How long a request without a body waits for the response headers; a download's body may then
     * take as long as it takes. Uploads get none: their response only comes once the body is sent.
     */
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    /** A request; {@code body} makes a fresh publisher for every attempt, or is null for none. */
    record Request(String method, URI uri, Map<String, String> headers, Supplier<BodyPublisher> body) {
        static Request of(String method, URI uri, Map<String, String> headers) {
            return new Request(method, uri, headers, null);
        }
    }

    private final HttpClient http;
    private final Authenticator auth;
    private final Duration backoff;

    /** With {@code tls} null, the JDK's default TLS context (the system's CAs). */
    RegistryHttp(RegistryCredentials credentials, SSLContext tls, Duration backoff) {
        HttpClient.Builder builder = HttpClient.newBuilder();
        if (tls != null) {
            builder.sslContext(tls);
        }
        this.http = builder
                // HTTP/1.1: h2c upgrade attempts on plain-HTTP registries confuse some of them.
                .version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(30))
                .build();
        this.backoff = backoff;
        this.auth = new Authenticator(credentials, (uri, authorization) ->
                withRetries(RegistryTarget.root(uri.getAuthority()), Request.of("GET", uri, Map.of()), authorization));
    }

    /** The response to a request, after authentication; 401 never comes back, it becomes an error. */
    HttpResponse<InputStream> send(RegistryTarget target, Request request) throws IOException {
        boolean answered = false;
        while (true) {
            HttpResponse<InputStream> response = withRetries(target, request, auth.header(target));
            if (response.statusCode() != 401) {
                return response;
            }
            String challenge = response.headers().firstValue("WWW-Authenticate").orElse("");
            response.body().close();
            if (answered || !auth.answer(target, challenge)) {
                throw auth.rejection(target);
            }
            answered = true;
        }
    }

    private HttpResponse<InputStream> withRetries(RegistryTarget target, Request request, Optional<String> authorization)
            throws IOException {
        for (int attempt = 1; ; attempt++) {
            try {
                HttpResponse<InputStream> response = followingRedirects(request, authorization);
                int status = response.statusCode();
                if (attempt == ATTEMPTS || (status != 429 && status < 500)) {
                    return response;
                }
                response.body().close();
            } catch (SSLException e) {
                throw new IOException("cannot talk TLS to " + target.describe() + " (" + e.getMessage()
                        + "); if it serves plain HTTP, pass --insecure " + target.registry(), e);
            } catch (InterruptedIOException e) {
                throw e;
            } catch (IOException e) {
                if (attempt == ATTEMPTS) {
                    throw new IOException("cannot reach " + target.describe() + " at " + request.uri() + " after " + ATTEMPTS
                            + " attempts: " + reason(e), e);
                }
            }
            sleep(backoff.multipliedBy(1L << (attempt - 1)));
        }
    }

    private HttpResponse<InputStream> followingRedirects(Request request, Optional<String> authorization) throws IOException {
        URI uri = request.uri();
        boolean read = request.method().equals("GET") || request.method().equals("HEAD");
        for (int hops = 0; ; hops++) {
            HttpResponse<InputStream> response = exchange(request, uri, authorization);
            Optional<String> location = response.headers().firstValue("Location");
            if (!read || !isRedirect(response.statusCode()) || location.isEmpty() || hops == MAX_REDIRECTS) {
                return response;
            }
            response.body().close();
            URI next = uri.resolve(location.get());
            if (!Objects.equals(next.getAuthority(), uri.getAuthority()) || !next.getScheme().equals(uri.getScheme())) {
                authorization = Optional.empty();
            }
            uri = next;
        }
    }

    private HttpResponse<InputStream> exchange(Request request, URI uri, Optional<String> authorization) throws IOException {
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri)
                .method(request.method(), request.body() == null ? BodyPublishers.noBody() : request.body().get())
                .header("User-Agent", "skiff/" + Versions.skiff());
        request.headers().forEach(builder::header);
        authorization.ifPresent(a -> builder.header("Authorization", a));
        if (request.body() == null) {
            builder.timeout(TIMEOUT);
        }
        try {
            return http.send(builder.build(), BodyHandlers.ofInputStream());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while talking to " + uri.getAuthority());
        }
    }

    /** The HTTP client's exceptions often carry no message (a refused connection has none at all). */
    private static String reason(IOException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t.getMessage() != null && !t.getMessage().isBlank()) {
                return t.getMessage();
            }
        }
        return e instanceof ConnectException ? "connection refused" : e.getClass().getSimpleName();
    }

    private static boolean isRedirect(int status) {
        return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
    }

    private static void sleep(Duration pause) throws InterruptedIOException {
        try {
            Thread.sleep(pause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while waiting to retry");
        }
    }
}
