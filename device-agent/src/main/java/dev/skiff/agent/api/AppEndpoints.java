package dev.skiff.agent.api;

import dev.skiff.agent.Agent;
import dev.skiff.agent.deploy.ImageRunner;
import dev.skiff.agent.state.AppRecord;
import dev.skiff.image.oci.Reference;
import dev.skiff.protocols.api.DeployRequest;
import dev.skiff.protocols.api.RunRequest;
import dev.skiff.protocols.api.RunResult;
import dev.skiff.protocols.manifest.GrantOverrides;
import java.io.IOException;

/** {@code /v1/apps…} and {@code /v1/runs}: the agent's deploy, ps, stop, start, rollback, rm, history and run-once over HTTP. */
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
        exchange.json(200, ApiViews.release(agent.deploy(exchange.param("app"), storedImage(agent, request.image(), "deploy"),
                new GrantOverrides(request.grants(), request.serial()))));
    }

    /** Runs an image once to its end; the answer carries its exit code and output. */
    void run(ApiExchange exchange) throws Exception {
        RunRequest request = exchange.body(RunRequest.class);
        ImageRunner.Result result = agent.run(storedImage(agent, request.image(), "run"), request.args());
        exchange.json(200, new RunResult(result.image().toString(), result.end().exitCode(), result.end().describe(), result.stdout(),
                result.stderr(), result.outputTruncated()));
    }

    /** The image a {@code kind} request names, as the agent's store has it. */
    private static Reference storedImage(Agent agent, String image, String kind) throws IOException {
        if (image == null) {
            throw new ApiException(400, "the " + kind + " request names no image");
        }
        Reference parsed;
        try {
            parsed = Reference.parse(image);
        } catch (IllegalArgumentException e) {
            throw new ApiException(400, e.getMessage());
        }
        return agent.content().locate(parsed);
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
