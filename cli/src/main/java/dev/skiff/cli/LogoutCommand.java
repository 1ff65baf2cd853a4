package dev.skiff.cli;

import dev.skiff.image.registry.DockerConfig;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
        name = "logout",
        description = {
            "Remove a registry's credentials from the docker config.",
            "That is $DOCKER_CONFIG/config.json, else ~/.docker/config.json."
        },
        mixinStandardHelpOptions = true)
final class LogoutCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(index = "0", paramLabel = "HOST", description = "The registry, e.g. ghcr.io or 127.0.0.1:5000.")
    String host;

    @Override
    public Integer call() throws Exception {
        DockerConfig config = RegistryOptions.dockerConfig();
        String registry = DockerConfig.registryHost(host);
        if (config.remove(registry)) {
            config.save();
            spec.commandLine().getOut().println("removed the credentials for " + registry + " from " + config.file());
        } else {
            spec.commandLine().getOut().println("no credentials for " + registry + " in " + config.file());
        }
        return 0;
    }
}
