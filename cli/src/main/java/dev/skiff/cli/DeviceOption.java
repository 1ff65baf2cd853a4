package dev.skiff.cli;

import dev.skiff.agent.client.AgentClient;
import java.io.IOException;
import picocli.CommandLine.Option;

/** The {@code --device NAME} of commands that act on an enrolled device. */
final class DeviceOption {
    @Option(names = "--device", required = true, paramLabel = "DEVICE", description = "An enrolled device (see skiff device ls).")
    String name;

    AgentClient client() throws IOException {
        return SkiffHome.client(name);
    }
}
