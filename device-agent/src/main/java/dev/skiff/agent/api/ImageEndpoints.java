package dev.skiff.agent.api;

import dev.skiff.agent.Agent;
import dev.skiff.agent.content.ContentStore;
import dev.skiff.image.oci.ImageFormatException;
import dev.skiff.image.oci.Reference;
import dev.skiff.image.progress.ProgressListener;
import dev.skiff.image.registry.DistributionClient;
import dev.skiff.image.registry.DockerConfig;
import dev.skiff.image.registry.ImagePuller;
import dev.skiff.image.registry.PullResult;
import dev.skiff.protocols.api.PullRequest;
import dev.skiff.protocols.api.PullResponse;
import java.io.IOException;
import java.util.Set;

/**
 * {@code POST /v1/images/pull}: the agent pulls an image from an external registry into its store
 * with {@link ImagePuller} (every digest checked, the image validated, nothing stored on failure),
 * signatures along. Its credentials are its own ({@code DATA/docker-config.json}, docker's format;
 * none when missing); plain HTTP only to loopback registries, since a board has no business
 * fetching code in the clear from the network.
 */
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
        if (image.registry().equals(ContentStore.PUSHED)) {
            throw new ApiException(400, image.familiar() + " names the device's own images: push it to the device, it cannot be pulled");
        }
        DockerConfig credentials = DockerConfig.load(agent.config().dataDir().resolve("docker-config.json"));
        PullResult pulled;
        try {
            pulled = new ImagePuller(agent.content().images(), new DistributionClient(credentials, Set.of()), ProgressListener.NONE).pull(image);
        } catch (IOException | ImageFormatException e) {
            throw new ApiException(502, "pulling " + image.familiar() + ": " + e.getMessage());
        }
        exchange.json(200, new PullResponse(image.withDigest(pulled.root().digest()).toString(), pulled.downloadedBytes()));
    }
}
