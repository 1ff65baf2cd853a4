package dev.skiff.fleet.sim;

import dev.skiff.agent.Agent;
import dev.skiff.agent.AgentConfig;
import dev.skiff.agent.ConfigException;
import dev.skiff.agent.fleet.FleetConnector;
import dev.skiff.runtime.Sandbox;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;

/**
 * One device of a {@link SimulatedFleet}: a real {@link Agent} over its own data directory with
 * its own MQTT session ({@link FleetConnector}); only the HTTPS API is left out, and the sandbox
 * (the wasm runtime: its watchdog thread and compiled modules) is the fleet's, shared. Going
 * offline closes agent and session as a shutdown of the board would; coming back opens them
 * again over the same data.
 */
public final class SimulatedDevice implements AutoCloseable {
    private final Path config;
    private final Sandbox sandbox;
    private final PrintStream log;
    private Agent agent;
    private FleetConnector connector;

    SimulatedDevice(Path config, Sandbox sandbox, PrintStream log) {
        this.config = config;
        this.sandbox = sandbox;
        this.log = log;
    }

    /** Opens the agent, starts its apps and connects it to the broker. */
    public synchronized void online() throws IOException, ConfigException {
        if (agent != null) {
            return;
        }
        Agent opened = Agent.open(AgentConfig.load(config), sandbox);
        opened.start().forEach(problem -> log.println(opened.config().deviceName() + ": " + problem));
        try {
            connector = FleetConnector.start(opened, opened.config().mqtt().orElseThrow(), log);
        } catch (IOException | RuntimeException e) {
            opened.close();
            throw e;
        }
        agent = opened;
    }

    /** Disconnects (announcing itself offline) and stops the agent with its containers. */
    public synchronized void offline() {
        if (agent == null) {
            return;
        }
        connector.close();
        agent.close();
        connector = null;
        agent = null;
    }

    public synchronized boolean isOnline() {
        return agent != null;
    }

    public synchronized boolean isConnected() {
        return connector != null && connector.isConnected();
    }

    /** The running agent. @throws IllegalStateException while offline */
    public synchronized Agent agent() {
        if (agent == null) {
            throw new IllegalStateException("the device is offline");
        }
        return agent;
    }

    @Override
    public void close() {
        offline();
    }
}
