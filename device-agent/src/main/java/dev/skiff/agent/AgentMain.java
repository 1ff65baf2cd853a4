package dev.skiff.agent;

import dev.skiff.runtime.Versions;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * {@code skiff-agent --config FILE}: starts the agent and keeps it up until SIGTERM (or SIGINT),
 * then stops its containers gracefully. {@code --version} prints the versions and exits.
 */
public final class AgentMain {
    private AgentMain() {}

    public static void main(String[] args) throws Exception {
        int code = run(args, System.out, System.err);
        if (code != 0) {
            System.exit(code); // after a signal the JVM is exiting already; System.exit would block there
        }
    }

    static int run(String[] args, PrintStream out, PrintStream err) throws InterruptedException {
        if (args.length == 1 && args[0].equals("--version")) {
            out.println("skiff-agent " + Versions.skiff() + " (chicory " + Versions.chicory() + ")");
            return 0;
        }
        if (args.length != 2 || !args[0].equals("--config")) {
            err.println("usage: skiff-agent --config FILE | --version");
            return 2;
        }
        Agent agent;
        try {
            agent = Agent.open(AgentConfig.load(Path.of(args[1])));
        } catch (IOException | ConfigException e) {
            err.println("skiff-agent: " + e.getMessage());
            return 1;
        }
        List<String> problems = agent.start();
        problems.forEach(p -> err.println("skiff-agent: " + p));
        out.println("skiff-agent ready: device " + agent.config().deviceName() + ", data in " + agent.config().dataDir());
        CountDownLatch stopped = new CountDownLatch(1);
        CountDownLatch shutdown = new CountDownLatch(1);
        // The JVM runs shutdown hooks on SIGTERM/SIGINT; this one stops the containers before it exits.
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            shutdown.countDown();
            try {
                stopped.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "skiff-agent-shutdown"));
        shutdown.await();
        try {
            agent.close();
        } finally {
            stopped.countDown();
        }
        return 0;
    }
}
