package dev.skiff.cli;

import dev.skiff.agent.AgentMain;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code skiff agent --config FILE}: the device agent in the CLI's JVM, for machines that have the CLI but not the .deb. */
@Command(
        name = "agent",
        description = {
            "Runs skiff-agent, the device daemon, in the foreground until SIGTERM or Ctrl-C (the same as the skiff-agent"
                    + " command the .deb installs).",
            "Until the device is enrolled it prints the 'skiff device enroll' command with its one-time token."
        },
        mixinStandardHelpOptions = true)
final class AgentCommand implements Callable<Integer> {
    @Option(names = "--config", paramLabel = "FILE", required = true,
            description = "The agent's config file (the README's 'The device agent' section lists its keys; installers/deb/etc/config.yaml is the packaged one).")
    Path config;

    @Override
    public Integer call() throws InterruptedException {
        return AgentMain.run(new String[] {"--config", config.toString()}, System.out, System.err);
    }
}
