package dev.skiff.agent.api;

import dev.skiff.agent.Agent;
import dev.skiff.agent.content.RegistryPull;
import dev.skiff.image.oci.ImageFormatException;
import dev.skiff.image.oci.Reference;
import dev.skiff.image.registry.PullResult;
import dev.skiff.protocols.api.PullRequest;
import dev.skiff.protocols.api.PullResponse;
import java.io.IOException;

/** {@code POST /v1/images/pull}: the agent pulls an image from an external registry into its store ({@link RegistryPull}). */
final class ImageEndpoints {
    private final Agent agent;

    ImageEndpoints(Agent agent) {
        this.agent = agent;
    }

    void pull(ApiExchange exchange) throws IOException {
        PullRequest request = exchange.body(PullRequest.class);
        if (request.image() == null) {
            throw new ApiException(400, "the pull request names no image");
        }
        Reference image = Reference.parse(request.image());
        PullResult pulled;
        try {
            pulled = new RegistryPull(agent.content(), agent.config().dataDir()).pull(image);
        } catch (IllegalArgumentException e) {
            throw new ApiException(400, e.getMessage());
        } catch (IOException | ImageFormatException e) {
            throw new ApiException(502, "pulling " + image.familiar() + ": " + e.getMessage());
        }
        exchange.json(200, new PullResponse(image.withDigest(pulled.root().digest()).toString(), pulled.downloadedBytes()));
    }
}
