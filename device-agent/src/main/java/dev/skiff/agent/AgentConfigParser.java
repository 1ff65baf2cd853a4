package dev.skiff.agent;

import dev.skiff.agent.fleet.MqttSettings;
import dev.skiff.agent.trust.TrustPolicy;
import dev.skiff.agent.trust.TrustPolicyParser;
import dev.skiff.protocols.Quantities;
import dev.skiff.protocols.manifest.BoardProfile;
import java.io.StringReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.composer.Composer;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.parser.ParserImpl;
import org.snakeyaml.engine.v2.scanner.StreamReader;

/**
 * Reads the agent's config from the YAML node tree, so every problem carries its line and
 * column. Apart from {@code trust} (read by {@link TrustPolicyParser}) and {@code mqtt.labels} the file is two levels deep
 * at most; keys are flattened to dotted paths ({@code logs.max-size}) and checked against the
 * known ones, so a typo is an error rather than a silently ignored setting.
 */
final class AgentConfigParser {
    private static final String TRUST = "trust";
    private static final String LABELS = "mqtt.labels";
    private static final Set<String> SECTIONS = Set.of("logs", "listen", "gpio", "mqtt");
    private static final Set<String> KEYS = Set.of("device-name", "data-dir", "memory-budget", "logs.max-size", "logs.files",
            "listen.address", "listen.port", "gpio.backend", "gpio.board", TRUST, "mqtt.broker", LABELS, "console", "console-baud");

    private final Path file;
    private final List<String> problems = new ArrayList<>();
    private final Map<String, ScalarNode> values = new LinkedHashMap<>();
    private Node trust;
    private Node labels;

    private AgentConfigParser(Path file) {
        this.file = file;
    }

    static AgentConfig parse(String yaml, Path file) throws ConfigException {
        return new AgentConfigParser(file).read(yaml);
    }

    private AgentConfig read(String yaml) throws ConfigException {
        LoadSettings settings = LoadSettings.builder().setLabel(file.toString()).build();
        try {
            Node root = new Composer(settings, new ParserImpl(settings, new StreamReader(settings, new StringReader(yaml))))
                    .getSingleNode().orElse(null);
            if (root instanceof MappingNode mapping) {
                collect(mapping, "");
            } else if (root != null) {
                problem(root, "the config must be a mapping of settings (key: value lines)");
            }
        } catch (MarkedYamlEngineException e) {
            problem(e.getProblemMark().or(e::getContextMark).orElse(null), "not valid YAML: " + e.getProblem());
        }
        AgentConfig defaults = AgentConfig.defaults(file.toAbsolutePath().getParent().resolve("data"));
        String deviceName = value("device-name", s -> s, defaults.deviceName());
        Path dataDir = value("data-dir", s -> file.toAbsolutePath().getParent().resolve(s).normalize(), defaults.dataDir());
        long budget = value("memory-budget", AgentConfigParser::budgetBytes, defaults.memoryBudgetBytes());
        long logSize = value("logs.max-size", AgentConfigParser::positiveBytes, defaults.logMaxBytes());
        int logFiles = value("logs.files", s -> number(s, 1, 1000), defaults.logFiles());
        String address = value("listen.address", s -> s, defaults.listenAddress());
        int port = value("listen.port", s -> number(s, 1, 65535), defaults.listenPort());
        Optional<AgentConfig.Console> console = Optional.ofNullable(value("console", AgentConfigParser::device, null))
                .map(device -> new AgentConfig.Console(device, value("console-baud", s -> number(s, 1, 4_000_000),
                        AgentConfig.Console.DEFAULT_BAUD)));
        if (console.isEmpty() && values.containsKey("console-baud")) {
            problem(values.get("console-baud"), "console-baud: set 'console' (the serial device) too");
        }
        TrustPolicy trustPolicy = trust == null ? defaults.trust()
                : new TrustPolicyParser(file.toAbsolutePath().getParent(), this::problem).parse(trust);
        GpioSettings gpio = new GpioSettings(value("gpio.backend", GpioSettings.Backend::of, GpioSettings.Backend.NONE),
                Optional.ofNullable(value("gpio.board", BoardProfile::of, null)));
        Optional<MqttSettings> mqtt = mqtt();
        if (!problems.isEmpty()) {
            throw new ConfigException(problems);
        }
        return new AgentConfig(deviceName, dataDir, budget, logSize, logFiles, address, port, trustPolicy, gpio, mqtt, console);
    }

    private void collect(MappingNode mapping, String prefix) {
        for (NodeTuple tuple : mapping.getValue()) {
            if (!(tuple.getKeyNode() instanceof ScalarNode keyNode)) {
                problem(tuple.getKeyNode(), "a key must be a plain word");
                continue;
            }
            String key = prefix + keyNode.getValue();
            Node value = tuple.getValueNode();
            if (prefix.isEmpty() && SECTIONS.contains(key) && value instanceof MappingNode section) {
                collect(section, key + ".");
            } else if (!KEYS.contains(key)) {
                problem(keyNode, "unknown setting '" + key + "'; known: " + String.join(", ", KEYS.stream().sorted().toList()));
            } else if (values.containsKey(key) || key.equals(TRUST) && trust != null || key.equals(LABELS) && labels != null) {
                problem(keyNode, "'" + key + "' is set twice");
            } else if (key.equals(TRUST)) {
                trust = value;
            } else if (key.equals(LABELS)) {
                labels = value;
            } else if (value instanceof ScalarNode scalar) {
                values.put(key, scalar);
            } else {
                problem(value, "'" + key + "' needs a single value");
            }
        }
    }

    /** The {@code mqtt} section, when it names a broker; labels without a broker are a mistake worth reporting. */
    private Optional<MqttSettings> mqtt() {
        Map<String, String> labelMap = new TreeMap<>();
        if (labels instanceof MappingNode mapping) {
            for (NodeTuple tuple : mapping.getValue()) {
                if (tuple.getKeyNode() instanceof ScalarNode k && tuple.getValueNode() instanceof ScalarNode v) {
                    labelMap.put(k.getValue(), v.getValue());
                } else {
                    problem(tuple.getKeyNode(), LABELS + ": each label is a plain key: value pair");
                }
            }
        } else if (labels != null) {
            problem(labels, LABELS + " must be a mapping, e.g. {site: berlin, ring: canary}");
        }
        ScalarNode broker = values.get("mqtt.broker");
        if (broker == null) {
            if (labels != null) {
                problem(labels, LABELS + " without mqtt.broker: name the broker the device reports its labels to");
            }
            return Optional.empty();
        }
        try {
            return Optional.of(new MqttSettings(broker.getValue(), labelMap));
        } catch (IllegalArgumentException e) {
            problem(broker, "mqtt: " + e.getMessage());
            return Optional.empty();
        }
    }

    /** The setting parsed by {@code parser} (whose IllegalArgumentException is the problem), else the default. */
    private <T> T value(String key, Function<String, T> parser, T fallback) {
        ScalarNode node = values.get(key);
        if (node == null) {
            return fallback;
        }
        try {
            return parser.apply(node.getValue());
        } catch (IllegalArgumentException e) {
            problem(node, key + ": " + e.getMessage());
            return fallback;
        }
    }

    private static long positiveBytes(String text) {
        long bytes = Quantities.parseBytes(text);
        if (bytes <= 0) {
            throw new IllegalArgumentException("must be more than 0");
        }
        return bytes;
    }

    /**
     * A budget the heap can hold: containers' linear memory lives on the JVM's heap, so a budget
     * larger than the heap would admit containers the JVM cannot give memory to.
     */
    private static long budgetBytes(String text) {
        long bytes = positiveBytes(text);
        long heap = Runtime.getRuntime().maxMemory();
        if (bytes > heap) {
            throw new IllegalArgumentException(text.trim() + " is more than the JVM's whole heap (" + Quantities.formatBytes(heap)
                    + "), where containers' memory lives; lower it, or give the agent a larger heap (e.g. -Xmx2g in SKIFF_AGENT_JAVA_OPTS)");
        }
        return bytes;
    }

    private static String device(String text) {
        if (!text.startsWith("/dev/")) {
            throw new IllegalArgumentException("'" + text + "' is not a device path such as /dev/ttyS0");
        }
        return text;
    }

    private static int number(String text, int min, int max) {
        try {
            int n = Integer.parseInt(text.trim());
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("'" + text + "' is not a whole number from " + min + " to " + max);
    }

    private void problem(Node node, String message) {
        problem(node.getStartMark().orElse(null), message);
    }

    private void problem(Mark mark, String message) {
        problems.add(file + ":" + (mark == null ? 1 : mark.getLine() + 1) + ":" + (mark == null ? 1 : mark.getColumn() + 1) + ": " + message);
    }
}
