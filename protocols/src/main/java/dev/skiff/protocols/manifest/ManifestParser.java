package dev.skiff.protocols.manifest;

import dev.skiff.protocols.Quantities;
import dev.skiff.protocols.manifest.AppManifest.HealthCheck;
import dev.skiff.protocols.manifest.AppManifest.Resources;
import dev.skiff.protocols.manifest.AppManifest.Restart;
import dev.skiff.protocols.manifest.AppManifest.RestartPolicy;
import dev.skiff.protocols.manifest.AppManifest.Volume;
import dev.skiff.protocols.manifest.ManifestException.Problem;
import java.io.StringReader;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.composer.Composer;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.parser.ParserImpl;
import org.snakeyaml.engine.v2.scanner.StreamReader;

/**
 * Reads {@code skiff.yaml}. Works on the YAML node tree rather than plain maps so that every
 * problem (unknown key, wrong type, bad value) is reported with its line and column, all of them
 * at once; nothing is silently ignored.
 */
public final class ManifestParser {
    private static final Pattern NAME = Pattern.compile("[a-z0-9]([a-z0-9._-]{0,62}[a-z0-9])?");
    private static final Pattern LABEL = Pattern.compile("[A-Za-z][A-Za-z0-9_-]{0,62}");
    private static final Pattern CHIP = Pattern.compile("[a-z][a-z0-9_-]{0,62}");
    private static final Pattern DEVICE = Pattern.compile("/[A-Za-z0-9._/-]{1,254}");
    private static final Pattern ENV_KEY = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private final String source;
    private final List<Problem> problems = new ArrayList<>();

    private ManifestParser(String source) {
        this.source = source;
    }

    /** Parses {@code yaml}; {@code source} names it in error messages (e.g. the file path). */
    public static AppManifest parse(String yaml, String source) throws ManifestException {
        return new ManifestParser(source).read(yaml);
    }

    private AppManifest read(String yaml) throws ManifestException {
        LoadSettings settings = LoadSettings.builder().setLabel(source).build();
        Node root;
        try {
            var composer = new Composer(settings, new ParserImpl(settings, new StreamReader(settings, new StringReader(yaml))));
            root = composer.getSingleNode().orElse(null);
        } catch (MarkedYamlEngineException e) {
            Mark mark = e.getProblemMark().or(e::getContextMark).orElse(null);
            problems.add(new Problem(mark == null ? 1 : mark.getLine() + 1, mark == null ? 1 : mark.getColumn() + 1,
                    "not valid YAML: " + e.getProblem()));
            throw new ManifestException(source, problems);
        }
        if (!(root instanceof MappingNode top)) {
            problems.add(new Problem(1, 1, "skiff.yaml must be a mapping with at least 'name' and 'version'"));
            throw new ManifestException(source, problems);
        }
        Map<String, Node> fields = fields(top, Set.of("name", "version", "module", "args", "env", "resources", "restart", "health", "volumes", "capabilities"));
        String name = required(top, fields, "name", n -> matching(n, NAME, "a name of lowercase letters, digits, '.', '_' or '-' (at most 64)"));
        String version = required(top, fields, "version", this::text);
        String module = optional(fields, "module", this::text).orElse("app.wasm");
        List<String> args = optional(fields, "args", n -> list(n, this::text)).orElse(List.of());
        Map<String, String> env = optional(fields, "env", this::env).orElse(Map.of());
        Resources resources = optional(fields, "resources", this::resources)
                .orElse(new Resources(Resources.DEFAULT_MEMORY, null, null));
        Restart restart = optional(fields, "restart", this::restart).orElse(Restart.DEFAULT);
        HealthCheck health = optional(fields, "health", this::health).orElse(new HealthCheck.RunningFor(Duration.ofSeconds(2)));
        List<Volume> volumes = optional(fields, "volumes", n -> list(n, this::volume)).orElse(List.of());
        CapabilityGrants capabilities = optional(fields, "capabilities", this::capabilities).orElse(CapabilityGrants.NONE);
        if (!problems.isEmpty()) {
            throw new ManifestException(source, problems);
        }
        return new AppManifest(name, version, module, args, env, resources, restart, health, volumes, capabilities);
    }

    private Map<String, String> env(Node node) {
        Map<String, Node> entries = fields(node, null);
        Map<String, String> env = new LinkedHashMap<>();
        entries.forEach((key, value) -> {
            if (!ENV_KEY.matcher(key).matches()) {
                problem(value, "environment variable name '" + key + "' is not valid");
            }
            String text = text(value);
            if (text != null) {
                env.put(key, text);
            }
        });
        return env;
    }

    private Resources resources(Node node) {
        Map<String, Node> f = fields(node, Set.of("memory", "cpu-time", "wall-time"));
        long memory = optional(f, "memory", this::size).orElse(Resources.DEFAULT_MEMORY);
        return new Resources(memory, optional(f, "cpu-time", this::duration).orElse(null),
                optional(f, "wall-time", this::duration).orElse(null));
    }

    private Restart restart(Node node) {
        Map<String, Node> f = fields(node, Set.of("policy", "backoff", "max-backoff"));
        RestartPolicy policy = optional(f, "policy", this::policy).orElse(RestartPolicy.NO);
        Duration initial = optional(f, "backoff", this::duration).orElse(Restart.DEFAULT.initialBackoff());
        Duration max = optional(f, "max-backoff", this::duration).orElse(Restart.DEFAULT.maxBackoff());
        if (max.compareTo(initial) < 0) {
            problem(f.getOrDefault("max-backoff", node), "max-backoff must not be shorter than backoff");
        }
        return new Restart(policy, initial, max);
    }

    private RestartPolicy policy(Node node) {
        String text = text(node);
        for (RestartPolicy p : RestartPolicy.values()) {
            if (p.yaml.equals(text)) {
                return p;
            }
        }
        if (text != null) {
            problem(node, "restart policy '" + text + "' is not one of no, on-failure, always");
        }
        return RestartPolicy.NO;
    }

    private HealthCheck health(Node node) {
        Map<String, Node> f = fields(node, Set.of("running-for", "export", "interval"));
        if (f.containsKey("running-for") == f.containsKey("export")) {
            problem(node, "health needs exactly one of 'running-for' (e.g. 5s) or 'export' (a function the guest exports)");
            return null;
        }
        if (f.containsKey("running-for")) {
            if (f.containsKey("interval")) {
                problem(f.get("interval"), "'interval' applies only to an 'export' health check");
            }
            return new HealthCheck.RunningFor(duration(f.get("running-for")));
        }
        return new HealthCheck.Export(text(f.get("export")),
                optional(f, "interval", this::duration).orElse(Duration.ofSeconds(1)));
    }

    private Volume volume(Node node) {
        Map<String, Node> f = fields(node, Set.of("name", "path"));
        String name = required(node, f, "name", n -> matching(n, NAME, "a volume name of lowercase letters, digits, '.', '_' or '-'"));
        String path = required(node, f, "path", this::text);
        if (path != null && !path.startsWith("/")) {
            problem(f.get("path"), "volume path must be absolute inside the guest, e.g. /data");
        }
        return new Volume(name, path);
    }

    private CapabilityGrants capabilities(Node node) {
        Map<String, Node> f = fields(node, Set.of("gpio", "serial"));
        return new CapabilityGrants(optional(f, "gpio", this::gpio).orElse(Map.of()),
                optional(f, "serial", this::serial).orElse(Map.of()));
    }

    private Map<String, SerialGrant> serial(Node node) {
        Map<String, SerialGrant> grants = new LinkedHashMap<>();
        Map<String, String> namesByDevice = new HashMap<>();
        fields(node, null).forEach((name, value) -> {
            if (!LABEL.matcher(name).matches()) {
                problem(value, "serial port name '" + name + "' is not a letter followed by letters, digits, '_' or '-'");
            }
            SerialGrant grant = serialGrant(value);
            if (grant == null) {
                return;
            }
            String other = namesByDevice.putIfAbsent(grant.device(), name);
            if (other != null) {
                problem(value, "device " + grant.device() + " is already granted as " + other + "; a port can have only one name");
            }
            grants.put(name, grant);
        });
        return grants;
    }

    private SerialGrant serialGrant(Node node) {
        Map<String, Node> f = fields(node, Set.of("device", "baud", "parity"));
        String device = required(node, f, "device", n -> matching(n, DEVICE, "an absolute device path such as /dev/ttyAMA0"));
        int baud = optional(f, "baud", n -> number(n, 1)).orElse(SerialGrant.DEFAULT_BAUD);
        SerialGrant.Parity parity = optional(f, "parity", this::parity).orElse(SerialGrant.Parity.NONE);
        return device == null ? null : new SerialGrant(device, baud, parity);
    }

    private SerialGrant.Parity parity(Node node) {
        String text = text(node);
        for (SerialGrant.Parity parity : SerialGrant.Parity.values()) {
            if (parity.yaml().equals(text)) {
                return parity;
            }
        }
        if (text != null) {
            problem(node, "parity '" + text + "' is not one of none, even, odd");
        }
        return null;
    }

    private Map<String, GpioGrant> gpio(Node node) {
        Map<String, GpioGrant> grants = new LinkedHashMap<>();
        Map<String, String> labelsByLine = new HashMap<>();
        fields(node, null).forEach((label, value) -> {
            if (!LABEL.matcher(label).matches()) {
                problem(value, "GPIO label '" + label + "' is not a letter followed by letters, digits, '_' or '-'");
            }
            GpioGrant grant = gpioGrant(value);
            if (grant == null) {
                return;
            }
            String other = labelsByLine.putIfAbsent(grant.chip() + "/" + grant.line(), label);
            if (other != null) {
                problem(value, "line " + grant.line() + " of " + grant.chip() + " is already granted as " + other
                        + "; a line can have only one label");
            }
            grants.put(label, grant);
        });
        return grants;
    }

    private GpioGrant gpioGrant(Node node) {
        Map<String, Node> f = fields(node, Set.of("chip", "line", "mode", "initial", "shutdown",
                "max-writes-per-second", "max-events-per-second"));
        String chip = optional(f, "chip", n -> matching(n, CHIP, "a GPIO chip name such as gpiochip0")).orElse(GpioGrant.DEFAULT_CHIP);
        Integer line = required(node, f, "line", n -> line(n, chip));
        String mode = required(node, f, "mode", this::text);
        if (line == null || mode == null) {
            return null;
        }
        switch (mode) {
            case "output" -> {
                refuse(f, "max-events-per-second", "output lines have no events; rate-limit writes with max-writes-per-second");
                return new GpioGrant.Output(chip, line,
                        optional(f, "initial", this::level).orElse(GpioGrant.Level.LOW),
                        optional(f, "shutdown", this::level).orElse(GpioGrant.Level.LOW),
                        optional(f, "max-writes-per-second", n -> number(n, 1)).orElse(GpioGrant.UNLIMITED));
            }
            case "input" -> {
                refuse(f, "initial", "an input line is driven from outside; only output lines have an initial level");
                refuse(f, "shutdown", "an input line is driven from outside; only output lines have a shutdown level");
                refuse(f, "max-writes-per-second", "input lines cannot be written; rate-limit events with max-events-per-second");
                return new GpioGrant.Input(chip, line, optional(f, "max-events-per-second", n -> number(n, 1)).orElse(GpioGrant.UNLIMITED));
            }
            default -> {
                problem(f.get("mode"), "GPIO mode '" + mode + "' is not one of output, input");
                return null;
            }
        }
    }

    /** A number on any chip; on the header's chip also a header name (GPIO17) or pin (PIN11). */
    private Integer line(Node node, String chip) {
        String text = text(node);
        if (text == null || text.matches("-?\\d+") || !chip.equals(GpioGrant.DEFAULT_CHIP)) {
            return number(node, 0);
        }
        return parsed(node, BoardProfile::headerLine);
    }

    private void refuse(Map<String, Node> fields, String key, String why) {
        Node node = fields.get(key);
        if (node != null) {
            problem(node, "'" + key + "' is not allowed here: " + why);
        }
    }

    private GpioGrant.Level level(Node node) {
        String text = text(node);
        for (GpioGrant.Level level : GpioGrant.Level.values()) {
            if (level.yaml().equals(text)) {
                return level;
            }
        }
        if (text != null) {
            problem(node, "level '" + text + "' is not one of low, high");
        }
        return null;
    }

    // --- typed readers: each reports its own problem and returns null on failure

    private Map<String, Node> fields(Node node, Set<String> allowed) {
        Map<String, Node> result = new LinkedHashMap<>();
        if (!(node instanceof MappingNode mapping)) {
            problem(node, "expected a mapping (key: value lines)");
            return result;
        }
        for (NodeTuple tuple : mapping.getValue()) {
            String key = text(tuple.getKeyNode());
            if (key == null) {
                continue;
            }
            if (result.containsKey(key)) {
                problem(tuple.getKeyNode(), "duplicate key '" + key + "'");
                continue;
            }
            if (allowed != null && !allowed.contains(key)) {
                problem(tuple.getKeyNode(), "unknown key '" + key + "'; allowed here: " + String.join(", ", new java.util.TreeSet<>(allowed)));
                continue;
            }
            result.put(key, tuple.getValueNode());
        }
        return result;
    }

    private <T> List<T> list(Node node, Function<Node, T> item) {
        if (!(node instanceof SequenceNode sequence)) {
            problem(node, "expected a list");
            return List.of();
        }
        List<T> result = new ArrayList<>();
        for (Node n : sequence.getValue()) {
            T value = item.apply(n);
            if (value != null) {
                result.add(value);
            }
        }
        return result;
    }

    private String text(Node node) {
        if (node instanceof ScalarNode scalar) {
            return scalar.getValue();
        }
        problem(node, "expected a single value, not a list or mapping");
        return null;
    }

    private String matching(Node node, Pattern pattern, String what) {
        String text = text(node);
        if (text != null && !pattern.matcher(text).matches()) {
            problem(node, "'" + text + "' is not " + what);
        }
        return text;
    }

    private Integer number(Node node, int minimum) {
        String text = text(node);
        if (text == null) {
            return null;
        }
        try {
            int value = Integer.parseInt(text);
            if (value >= minimum) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below, like a number out of range
        }
        problem(node, "'" + text + "' is not a whole number of at least " + minimum);
        return null;
    }

    private Long size(Node node) {
        return parsed(node, Quantities::parseBytes);
    }

    private Duration duration(Node node) {
        return parsed(node, Quantities::parseDuration);
    }

    /** A scalar run through {@code parser}, whose IllegalArgumentException message is the problem. */
    private <T> T parsed(Node node, Function<String, T> parser) {
        String text = text(node);
        try {
            return text == null ? null : parser.apply(text);
        } catch (IllegalArgumentException e) {
            problem(node, e.getMessage());
            return null;
        }
    }

    private <T> Optional<T> optional(Map<String, Node> fields, String key, Function<Node, T> reader) {
        Node node = fields.get(key);
        return node == null ? Optional.empty() : Optional.ofNullable(reader.apply(node));
    }

    private <T> T required(Node parent, Map<String, Node> fields, String key, Function<Node, T> reader) {
        Node node = fields.get(key);
        if (node == null) {
            problem(parent, "missing required key '" + key + "'");
            return null;
        }
        return reader.apply(node);
    }

    private void problem(Node node, String message) {
        Mark mark = node.getStartMark().orElse(null);
        problems.add(new Problem(mark == null ? 1 : mark.getLine() + 1, mark == null ? 1 : mark.getColumn() + 1, message));
    }
}
