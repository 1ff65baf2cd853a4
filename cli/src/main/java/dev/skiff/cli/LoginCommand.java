package dev.skiff.cli;

import dev.skiff.image.registry.Credential;
import dev.skiff.image.registry.DistributionClient;
import dev.skiff.image.registry.DockerConfig;
import dev.skiff.image.registry.RegistryCredentials;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
        name = "login",
        description = {
            "Save credentials for a registry, once its API (/v2/) accepts them.",
            "They go into the docker config, where skiff, docker and skopeo find them:",
            "$DOCKER_CONFIG/config.json, else ~/.docker/config.json (mode 0600)."
        },
        mixinStandardHelpOptions = true,
        sortOptions = false)
final class LoginCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(index = "0", paramLabel = "HOST", description = "The registry, e.g. ghcr.io, docker.io or 127.0.0.1:5000.")
    String host;

    @Option(names = {"-u", "--username"}, required = true, paramLabel = "USER", description = "The user name.")
    String username;

    @ArgGroup(exclusive = true)
    Password password = new Password();

    static final class Password {
        @Option(names = "--password-stdin", description = "Read the password (or token) from standard input.")
        boolean stdin;

        @Option(names = {"-p", "--password"}, paramLabel = "PASS", description = "The password (or token); visible to other users in the process list, prefer --password-stdin.")
        String value;
    }

    @Mixin RegistryOptions registry;

    @Override
    public Integer call() throws Exception {
        String registryHost = DockerConfig.registryHost(host);
        Credential credential = new Credential(username, password());
        new DistributionClient(RegistryCredentials.only(registryHost, credential), registry.insecureRegistries()).ping(registryHost);
        DockerConfig config = RegistryOptions.dockerConfig();
        config.put(registryHost, credential);
        config.save();
        spec.commandLine().getOut().println("logged in to " + registryHost + " (credentials saved in " + config.file() + ")");
        return 0;
    }

    private String password() throws IOException {
        if (password.value != null) {
            return password.value;
        }
        if (!password.stdin) {
            throw new IllegalArgumentException("give the password with --password-stdin (or -p PASS)");
        }
        return readPassword(System.in);
    }

    /** All of stdin without the line ending that echo and here-strings add. */
    private static String readPassword(InputStream in) throws IOException {
        String text = new String(in.readAllBytes(), StandardCharsets.UTF_8).replaceFirst("[\r\n]+$", "");
        if (text.isEmpty()) {
            throw new IllegalArgumentException("--password-stdin: standard input was empty");
        }
        return text;
    }
}
