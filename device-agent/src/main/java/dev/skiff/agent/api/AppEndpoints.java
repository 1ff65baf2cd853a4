package dev.skiff.agent.api;

import dev.skiff.agent.Agent;
import dev.skiff.agent.state.AppRecord;
import dev.skiff.image.oci.Reference;
import dev.skiff.protocols.api.DeployRequest;
import java.io.IOException;

/** {@code /v1/apps…}: the agent's deploy, ps, stop, start, rollback, rm and history over HTTP. */
final class AppEndpoints {
    private final Agent agent;

    AppEndpoints(Agent agent) {
        this.agent = agent;
    }

    void ps(ApiExchange exchange) throws IOException {
        exchange.json(200, agent.ps().stream().map(ApiViews::container).toList());
    }

    void deploy(ApiExchange exchange) throws Exception {
        DeployRequest request = exchange.body(DeployRequest.class);
        if (request.image() == null) {
            throw new ApiException(400, "the deploy request names no image");
        }
        Reference image;
        try {
            image = Reference.parse(request.image());
        } catch (IllegalArgumentException e) {
            throw new ApiException(400, e.getMessage());
        }
        exchange.json(200, ApiViews.release(agent.deploy(exchange.param("app"), agent.content().locate(image), request.grants())));
    }

    void stop(ApiExchange exchange) throws Exception {
        agent.stopApp(existingApp(exchange));
        exchange.noContent();
    }

    void start(ApiExchange exchange) throws Exception {
        agent.startApp(existingApp(exchange));
        exchange.noContent();
    }

    void rollback(ApiExchange exchange) throws Exception {
        exchange.json(200, ApiViews.release(agent.rollback(existingApp(exchange))));
    }

    void remove(ApiExchange exchange) throws Exception {
        agent.removeApp(existingApp(exchange));
        exchange.noContent();
    }

    void history(ApiExchange exchange) throws IOException {
        exchange.json(200, agent.history(existingApp(exchange)).stream().map(ApiViews::release).toList());
    }

    /** The app named in the path; 404 when the device has none of that name. */
    String existingApp(ApiExchange exchange) {
        String app = exchange.param("app");
        if (agent.apps().stream().map(AppRecord::name).noneMatch(app::equals)) {
            throw new ApiException(404, "no app named " + app + " on this device");
        }
        return app;
    }
}
