package dev.skiff.cli;

import dev.skiff.image.registry.DistributionClient;
import dev.skiff.image.registry.DockerConfig;
import dev.skiff.image.registry.RegistryClient;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import picocli.CommandLine.Option;

/** What every registry command shares: {@code --insecure} and the docker config with the credentials. */
final class RegistryOptions {
    @Option(names = "--insecure", paramLabel = "HOST",
            description = "Use plain HTTP for this registry (HOST or HOST:PORT); loopback registries always do. Repeatable.")
    List<String> insecure = new ArrayList<>();

    /** {@code $DOCKER_CONFIG/config.json}, else {@code ~/.docker/config.json}. */
    static DockerConfig dockerConfig() throws IOException {
        return DockerConfig.ofCurrentUser();
    }

    Set<String> insecureRegistries() {
        return Set.copyOf(insecure);
    }

    RegistryClient client() throws IOException {
        return new DistributionClient(dockerConfig(), insecureRegistries());
    }
}
