package dev.skiff.agent;

import dev.skiff.agent.api.ApiServer;
import dev.skiff.agent.enroll.ConsoleEnrollment;
import dev.skiff.agent.faults.FaultPoint;
import dev.skiff.agent.fleet.FleetConnector;
import dev.skiff.runtime.Versions;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * {@code skiff-agent --config FILE}: starts the agent and its HTTPS API and keeps them up until
 * SIGTERM (or SIGINT), then stops its containers gracefully. Until the device is enrolled it
 * prints the command that enrolls it, with its one-time token. With an {@code mqtt:} section it also joins the fleet's
 * broker ({@link FleetConnector}). {@code --version} prints the versions and exits.
 */
public final class AgentMain {
    private AgentMain() {}

    public static void main(String[] args) throws Exception {
        int code = run(args, System.out, System.err);
        if (code != 0) {
            System.exit(code); // after a signal the JVM is exiting already; System.exit would block there
        }
    }

    /** The address an operator reaches the device at, as far as the device knows. */
    private static String enrollHost(String listenAddress) {
        return listenAddress.equals("0.0.0.0") || listenAddress.equals("::") ? AgentConfig.hostName() : listenAddress;
    }

    public static int run(String[] args, PrintStream out, PrintStream err) throws InterruptedException {
        if (args.length == 1 && args[0].equals("--version")) {
            out.println("skiff-agent " + Versions.skiff() + " (chicory " + Versions.chicory() + ")");
            return 0;
        }
        if (args.length != 2 || !args[0].equals("--config")) {
            err.println("usage: skiff-agent --config FILE | --version");
            return 2;
        }
        try {
            FaultPoint.arm(System.getenv(FaultPoint.VARIABLE), out)
                    .ifPresent(p -> out.println("skiff-agent: fault point " + p + " armed; a deploy will halt there"));
        } catch (IllegalArgumentException e) {
            err.println("skiff-agent: " + e.getMessage());
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
        AgentConfig config = agent.config();
        ApiServer api;
        try {
            api = ApiServer.start(agent, new InetSocketAddress(config.listenAddress(), config.listenPort()));
        } catch (IOException e) {
            err.println("skiff-agent: cannot serve the API on " + config.listenAddress() + ":" + config.listenPort() + ": " + e.getMessage());
            agent.close();
            return 1;
        }
        FleetConnector fleet;
        try {
            fleet = config.mqtt().isPresent() ? FleetConnector.start(agent, config.mqtt().get(), err) : null;
        } catch (IOException | IllegalArgumentException e) { // e.g. a device name that cannot be a topic level
            err.println("skiff-agent: " + e.getMessage());
            api.close();
            agent.close();
            return 1;
        }
        out.println("skiff-agent ready: device " + config.deviceName() + ", data in " + config.dataDir() + ", API on https://"
                + config.listenAddress() + ":" + api.port());
        agent.enrollment().pendingToken().ifPresent(token -> out.println("skiff-agent: not enrolled yet; enroll with: skiff device enroll "
                + enrollHost(config.listenAddress()) + ":" + api.port() + " --token " + token + " --name " + config.deviceName()));
        ConsoleEnrollment console = null;
        if (config.console().isPresent()) {
            AgentConfig.Console line = config.console().get();
            try {
                console = ConsoleEnrollment.start(agent.enrollment(), line, config.deviceName(),
                        enrollHost(config.listenAddress()) + ":" + api.port(), out);
            } catch (IOException e) {
                err.println("skiff-agent: cannot open the provisioning console " + line.device() + ": " + e.getMessage());
                if (fleet != null) {
                    fleet.close();
                }
                api.close();
                agent.close();
                return 1;
            }
            out.println("skiff-agent: serial provisioning on " + line.device() + " at " + line.baud() + " baud");
        }
        out.flush();
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
            if (console != null) {
                console.close();
            }
            if (fleet != null) {
                fleet.close();
            }
            api.close();
            agent.close();
        } finally {
            stopped.countDown();
        }
        return 0;
    }
}
