package dev.skiff.agent.api;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsParameters;
import com.sun.net.httpserver.HttpsServer;
import dev.skiff.agent.Agent;
import dev.skiff.agent.registry.RegistryHandler;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.BooleanSupplier;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;

/**
 * The agent's REST API ({@code protocols/…/openapi/agent-api.yaml}) on the JDK's HTTPS server.
 * The TLS context comes from the agent's {@link dev.skiff.agent.enroll.Enrollment}: before
 * enrollment a self-signed certificate, afterwards the fleet's; client certificates are asked
 * for ("want", not "need") so that a client without one can still reach enrollment, and be told
 * why everything else refuses it. {@code /v2/} is the device's registry ({@link RegistryHandler}). Each request runs on its own virtual thread, so log followers
 * cost next to nothing.
 */
public final class ApiServer implements AutoCloseable {
    private final HttpsServer server;
    private final ExecutorService executor;
    private volatile boolean serving = true;

    private ApiServer(HttpsServer server, ExecutorService executor) {
        this.server = server;
        this.executor = executor;
    }

    public static ApiServer start(Agent agent, InetSocketAddress address) throws IOException {
        HttpsServer server = HttpsServer.create(address, 64);
        SSLContext context = agent.enrollment().serverContext();
        server.setHttpsConfigurator(new HttpsConfigurator(context) {
            @Override
            public void configure(HttpsParameters params) {
                SSLParameters ssl = context.getDefaultSSLParameters();
                ssl.setWantClientAuth(true);
                ssl.setProtocols(new String[] {"TLSv1.3"});
                params.setSSLParameters(ssl);
            }
        });
        ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
        ApiServer api = new ApiServer(server, executor);
        BooleanSupplier enrolled = () -> agent.enrollment().name().isPresent();
        server.createContext("/", new Router(routes(agent, () -> api.serving), enrolled));
        server.createContext("/v2/", new RegistryHandler(agent.content(), agent.config().dataDir().resolve("uploads"), enrolled));
        server.setExecutor(executor);
        server.start();
        return api;
    }

    /** Every endpoint; {@code ApiRoutesTest} holds it to the OpenAPI document. */
    static List<Route> routes(Agent agent, java.util.function.BooleanSupplier serving) {
        AppEndpoints apps = new AppEndpoints(agent);
        DeviceEndpoints device = new DeviceEndpoints(agent);
        LogEndpoint logs = new LogEndpoint(agent, apps, serving);
        ImageEndpoints images = new ImageEndpoints(agent);
        BoardEndpoints board = new BoardEndpoints(agent);
        return List.of(
                new Route("POST", "/v1/enroll", false, device::enroll),
                new Route("GET", "/v1/info", true, device::info),
                new Route("POST", "/v1/images/pull", true, images::pull),
                new Route("POST", "/v1/runs", true, apps::run),
                new Route("GET", "/v1/apps", true, apps::ps),
                new Route("DELETE", "/v1/apps/{app}", true, apps::remove),
                new Route("POST", "/v1/apps/{app}/deploy", true, apps::deploy),
                new Route("POST", "/v1/apps/{app}/stop", true, apps::stop),
                new Route("POST", "/v1/apps/{app}/start", true, apps::start),
                new Route("POST", "/v1/apps/{app}/rollback", true, apps::rollback),
                new Route("GET", "/v1/apps/{app}/history", true, apps::history),
                new Route("GET", "/v1/apps/{app}/logs", true, logs::logs),
                new Route("GET", "/v1/board", true, board::board),
                new Route("GET", "/v1/board/timeline", true, board::timeline),
                new Route("PUT", "/v1/board/lines/{line}", true, board::drive),
                new Route("GET", "/metrics", true, new MetricsEndpoint(agent)::scrape));
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** Ends log followers, then closes every connection. */
    @Override
    public void close() {
        serving = false;
        server.stop(1);
        executor.shutdownNow();
    }
}
