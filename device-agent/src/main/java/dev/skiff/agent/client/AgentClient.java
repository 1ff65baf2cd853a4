package dev.skiff.agent.client;

import dev.skiff.agent.pki.FleetCa;
import dev.skiff.agent.pki.Identity;
import dev.skiff.agent.pki.KeyPin;
import dev.skiff.agent.tls.FleetTrustManager;
import dev.skiff.agent.tls.TlsContexts;
import dev.skiff.image.oci.Reference;
import dev.skiff.image.registry.DistributionClient;
import dev.skiff.image.registry.RegistryClient;
import dev.skiff.protocols.api.ApiError;
import dev.skiff.protocols.api.ApiJson;
import dev.skiff.protocols.api.BoardInfo;
import dev.skiff.protocols.api.ContainerInfo;
import dev.skiff.protocols.api.DeployRequest;
import dev.skiff.protocols.api.DeviceInfo;
import dev.skiff.protocols.api.EnrollRequest;
import dev.skiff.protocols.api.EnrollResponse;
import dev.skiff.protocols.api.LineLevel;
import dev.skiff.protocols.api.PinChangeInfo;
import dev.skiff.protocols.api.PullRequest;
import dev.skiff.protocols.api.PullResponse;
import dev.skiff.protocols.api.ReleaseInfo;
import dev.skiff.protocols.api.RunRequest;
import dev.skiff.protocols.api.RunResult;
import dev.skiff.protocols.manifest.GrantOverrides;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;

/**
 * Talks to one agent's API: what the CLI and the workbench call. Every call is mTLS with the
 * operator's certificate, and the agent must present a certificate of the fleet CA for the key
 * pinned at enrollment.
 */
public final class AgentClient {
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
    /** Deploys wait for the health gate; that can take a while on a slow board. */
    private static final Duration REQUEST_TIMEOUT = Duration.ofMinutes(5);

    private final String device;
    private final String address;
    private final SSLContext tls;
    private final URI base;
    private final HttpClient http;

    private AgentClient(String device, String address, SSLContext tls) {
        this.device = device;
        this.address = address;
        this.tls = tls;
        this.base = URI.create("https://" + address);
        this.http = HttpClient.newBuilder().sslContext(tls).version(HttpClient.Version.HTTP_1_1).connectTimeout(CONNECT_TIMEOUT).build();
    }

    /** A client for an enrolled device. */
    public static AgentClient connect(DeviceRecord device, FleetCa ca) throws IOException {
        Identity operator = ca.operator();
        X509Certificate authority = ca.certificate();
        FleetTrustManager trust = new FleetTrustManager(() -> Optional.of(authority), Optional.of(KeyPin.parse(device.keyPin())));
        return new AgentClient(device.name(), device.address(), TlsContexts.create(() -> operator, trust));
    }

    /** A client with no certificate, trusting only the server holding the pinned key: for enrollment. */
    static AgentClient enrolling(String address, KeyPin pin) {
        return new AgentClient(address, address, TlsContexts.create(null, new FleetTrustManager(Optional::empty, Optional.of(pin))));
    }

    EnrollResponse enroll(EnrollRequest request) throws IOException {
        return ApiJson.read(send("POST", "/v1/enroll", request), EnrollResponse.class);
    }

    public DeviceInfo info() throws IOException {
        return ApiJson.read(send("GET", "/v1/info", null), DeviceInfo.class);
    }

    /** The device's registry endpoint ({@code /v2/}), with the same operator identity and pinned device key as the API. */
    public RegistryClient registry() {
        return new DistributionClient(tls);
    }

    /**
     * Where a push of {@code image} to the device goes: its repository and tag (or digest, without a
     * tag) at the device's address. The device stores it as {@code localhost/REPO:TAG}.
     */
    public Reference pushDestination(Reference image) {
        return new Reference(address, image.repository(), image.tag(), image.tag() == null ? image.digest() : null);
    }

    /** Has the device pull an image from an external registry; the answer pins it to the digest pulled. */
    public PullResponse pull(String image) throws IOException {
        return ApiJson.read(send("POST", "/v1/images/pull", new PullRequest(image)), PullResponse.class);
    }

    public List<ContainerInfo> ps() throws IOException {
        return ApiJson.readList(send("GET", "/v1/apps", null), ContainerInfo.class);
    }

    public ReleaseInfo deploy(String app, String image) throws IOException {
        return deploy(app, image, GrantOverrides.NONE);
    }

    /** A deploy with the app's grants bound to the device's hardware: GPIO labels on other lines, serial ports on other devices. */
    public ReleaseInfo deploy(String app, String image, GrantOverrides overrides) throws IOException {
        return ApiJson.read(send("POST", appPath(app, "/deploy"), new DeployRequest(image, overrides.gpio(), overrides.serial())),
                ReleaseInfo.class);
    }

    /** Runs an image of the device's store once and waits for its end; {@code args} (or null) replace the image's. */
    public RunResult run(String image, List<String> args) throws IOException {
        return ApiJson.read(send("POST", "/v1/runs", new RunRequest(image, args)), RunResult.class);
    }

    public void stop(String app) throws IOException {
        send("POST", appPath(app, "/stop"), null);
    }

    public void start(String app) throws IOException {
        send("POST", appPath(app, "/start"), null);
    }

    public ReleaseInfo rollback(String app) throws IOException {
        return ApiJson.read(send("POST", appPath(app, "/rollback"), null), ReleaseInfo.class);
    }

    public void remove(String app) throws IOException {
        send("DELETE", appPath(app, ""), null);
    }

    public List<ReleaseInfo> history(String app) throws IOException {
        return ApiJson.readList(send("GET", appPath(app, "/history"), null), ReleaseInfo.class);
    }

    /** The agent's simulated board (GPIO backend sim): every line with its level. */
    public BoardInfo board() throws IOException {
        return ApiJson.read(send("GET", "/v1/board", null), BoardInfo.class);
    }

    /** Every level change of the agent's simulated board, oldest first. */
    public List<PinChangeInfo> boardTimeline() throws IOException {
        return ApiJson.readList(send("GET", "/v1/board/timeline", null), PinChangeInfo.class);
    }

    /** Drives a header line ({@code GPIO27}, {@code PIN13}) of the agent's simulated board to {@code low} or {@code high}. */
    public void drive(String line, String level) throws IOException {
        send("PUT", "/v1/board/lines/" + URLEncoder.encode(line, StandardCharsets.UTF_8), new LineLevel(level));
    }

    /** The agent's metrics in the Prometheus text format. */
    public String metrics() throws IOException {
        return new String(send("GET", "/metrics", null), StandardCharsets.UTF_8);
    }

    /** Hands each log line to {@code lines}; following, until the agent ends the stream or the thread is interrupted. */
    public void logs(String app, boolean follow, Consumer<String> lines) throws IOException {
        HttpResponse<Stream<String>> response = exchange(request("GET", appPath(app, "/logs" + (follow ? "?follow=true" : "")), null)
                .build(), HttpResponse.BodyHandlers.ofLines());
        try (Stream<String> body = response.body()) {
            if (response.statusCode() >= 400) {
                throw error(response.statusCode(), String.join("\n", body.toList()).getBytes(StandardCharsets.UTF_8));
            }
            body.forEach(lines);
        }
    }

    private static String appPath(String app, String action) {
        return "/v1/apps/" + URLEncoder.encode(app, StandardCharsets.UTF_8) + action;
    }

    private byte[] send(String method, String path, Object body) throws IOException {
        HttpResponse<InputStream> response = exchange(request(method, path, body).timeout(REQUEST_TIMEOUT).build(),
                HttpResponse.BodyHandlers.ofInputStream());
        byte[] bytes;
        try (InputStream in = response.body()) {
            bytes = in.readAllBytes();
        }
        if (response.statusCode() >= 400) {
            throw error(response.statusCode(), bytes);
        }
        return bytes;
    }

    private HttpRequest.Builder request(String method, String path, Object body) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(base.resolve(path));
        if (body == null) {
            return builder.method(method, HttpRequest.BodyPublishers.noBody());
        }
        return builder.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofByteArray(ApiJson.write(body)));
    }

    private <T> HttpResponse<T> exchange(HttpRequest request, HttpResponse.BodyHandler<T> handler) throws IOException {
        try {
            return http.send(request, handler);
        } catch (ConnectException e) {
            throw new IOException("cannot reach " + device + " at " + base.getAuthority() + " (is skiff-agent running there?)", e);
        } catch (SSLHandshakeException e) {
            throw new IOException("TLS with " + device + " at " + base.getAuthority() + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while talking to " + device, e);
        }
    }

    private AgentApiException error(int status, byte[] body) {
        String message;
        try {
            message = ApiJson.read(body, ApiError.class).error();
        } catch (IllegalArgumentException notOurs) {
            message = "HTTP " + status + ": " + new String(body, StandardCharsets.UTF_8).strip();
        }
        return new AgentApiException(status, device + ": " + message);
    }
}
