package dev.skiff.agent.content;

import dev.skiff.image.oci.ImageFormatException;
import dev.skiff.image.oci.Reference;
import dev.skiff.image.progress.ProgressListener;
import dev.skiff.image.registry.DistributionClient;
import dev.skiff.image.registry.DockerConfig;
import dev.skiff.image.registry.ImagePuller;
import dev.skiff.image.registry.PullResult;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Set;

/**
 * The agent pulling an image from an external registry into its store with {@link ImagePuller}
 * (every digest checked, the image validated, nothing stored on failure), signatures along. Its
 * credentials are its own ({@code DATA/docker-config.json}, docker's format; none when missing);
 * plain HTTP only to loopback registries, since a board has no business fetching code in the
 * clear from the network. Serves the API's pulls and the fleet's.
 */
public final class RegistryPull {
    private final ContentStore content;
    private final Path credentials;

    public RegistryPull(ContentStore content, Path dataDir) {
        this.content = content;
        this.credentials = dataDir.resolve("docker-config.json");
    }

    /**
     * @throws IllegalArgumentException when the reference names the device's own pushed images
     */
    public PullResult pull(Reference image) throws IOException, ImageFormatException {
        if (image.registry().equals(ContentStore.PUSHED)) {
            throw new IllegalArgumentException(image.familiar() + " names the device's own images: push it to the device, it cannot be pulled");
        }
        return new ImagePuller(content.images(), new DistributionClient(DockerConfig.load(credentials), Set.of()), ProgressListener.NONE)
                .pull(image);
    }
}
