package dev.skiff.agent;

import dev.skiff.agent.fleet.MqttSettings;
import dev.skiff.agent.trust.TrustPolicy;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The agent's configuration file ({@code skiff-agent --config FILE}), e.g.
 *
 * <pre>
 * device-name: kitchen-pi
 * data-dir: /var/lib/skiff-agent     # relative paths count from the config file's folder
 * memory-budget: 512M                # the sum of admitted containers' memory limits; at most the JVM's heap
 * logs:
 *   max-size: 10M                    # current.log rotates past this
 *   files: 5                         # rotated files kept: current.log.1 … .5
 * listen:
 *   address: 0.0.0.0
 *   port: 7443
 * trust:                             # which images may run; see TrustPolicyParser
 *   mode: reject-unsigned
 *   keys: [keys/release.pub]
 *   rules:
 *     localhost:5000: {mode: allow}
 * gpio:
 *   backend: pi4j                    # none (default), sim or pi4j
 *   board: raspberry-pi-5            # header names in --grant overrides
 * mqtt:                              # optional: join a fleet through an MQTT broker (docs/fleet.md)
 *   broker: ssl://broker.example:8883  # ssl:// presents the device certificate from pki/
 *   labels: {site: berlin, ring: canary}
 * console: /dev/ttyS0                # serial provisioning listens here (docs/provisioning.md)
 * console-baud: 115200
 * </pre>
 *
 * Every key is optional; {@code memory-budget} defaults to half the JVM's maximum heap, leaving
 * the other half to the agent itself and to compiled code; {@code trust} to
 * {@link TrustPolicy#DEFAULT}, which refuses every image until a key is named; {@code gpio} to
 * {@link GpioSettings#NONE}, which refuses apps with GPIO grants.
 */
public record AgentConfig(String deviceName, Path dataDir, long memoryBudgetBytes, long logMaxBytes, int logFiles,
        String listenAddress, int listenPort, TrustPolicy trust, GpioSettings gpio, Optional<MqttSettings> mqtt,
        Optional<Console> console) {

    /** The serial line the agent answers provisioning frames on. */
    public record Console(String device, int baud) {
        public static final int DEFAULT_BAUD = 115200;
    }

    public static final long DEFAULT_LOG_MAX_BYTES = 10L << 20;
    public static final int DEFAULT_LOG_FILES = 5;
    public static final int DEFAULT_PORT = 7443;

    public AgentConfig {
        if (memoryBudgetBytes <= 0 || logMaxBytes <= 0 || logFiles < 1 || listenPort < 1 || listenPort > 65535) {
            throw new IllegalArgumentException("memory budget and log size must be positive, log files at least 1, port 1-65535");
        }
        mqtt = mqtt == null ? Optional.empty() : mqtt;
        console = console == null ? Optional.empty() : console;
    }

    /** A config without a fleet broker or a provisioning console. */
    public AgentConfig(String deviceName, Path dataDir, long memoryBudgetBytes, long logMaxBytes, int logFiles,
            String listenAddress, int listenPort, TrustPolicy trust, GpioSettings gpio) {
        this(deviceName, dataDir, memoryBudgetBytes, logMaxBytes, logFiles, listenAddress, listenPort, trust, gpio, Optional.empty(),
                Optional.empty());
    }

    /** The defaults, with data under {@code dataDir}. */
    public static AgentConfig defaults(Path dataDir) {
        return new AgentConfig(hostName(), dataDir, Runtime.getRuntime().maxMemory() / 2, DEFAULT_LOG_MAX_BYTES, DEFAULT_LOG_FILES,
                "0.0.0.0", DEFAULT_PORT, TrustPolicy.DEFAULT, GpioSettings.NONE);
    }

    public static AgentConfig load(Path file) throws IOException, ConfigException {
        String yaml;
        try {
            yaml = Files.readString(file);
        } catch (NoSuchFileException e) {
            throw new NoSuchFileException(file + ": no such config file");
        }
        return AgentConfigParser.parse(yaml, file);
    }

    public AgentConfig withMemoryBudget(long bytes) {
        return new AgentConfig(deviceName, dataDir, bytes, logMaxBytes, logFiles, listenAddress, listenPort, trust, gpio, mqtt, console);
    }

    public AgentConfig withTrust(TrustPolicy policy) {
        return new AgentConfig(deviceName, dataDir, memoryBudgetBytes, logMaxBytes, logFiles, listenAddress, listenPort, policy, gpio, mqtt, console);
    }

    public AgentConfig withGpio(GpioSettings settings) {
        return new AgentConfig(deviceName, dataDir, memoryBudgetBytes, logMaxBytes, logFiles, listenAddress, listenPort, trust, settings, mqtt, console);
    }

    public AgentConfig withMqtt(MqttSettings settings) {
        return new AgentConfig(deviceName, dataDir, memoryBudgetBytes, logMaxBytes, logFiles, listenAddress, listenPort, trust, gpio,
                Optional.of(settings), console);
    }

    static String hostName() {
        String name = System.getenv("HOSTNAME");
        if (name != null && !name.isBlank()) {
            return name;
        }
        try {
            return java.net.InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "skiff-device";
        }
    }
}
