package dev.skiff.agent.trust;

import dev.skiff.image.sign.SigningKeys;
import dev.skiff.image.sign.VerificationKey;
import java.io.IOException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

/**
 * Reads the {@code trust} section of the agent's config from its YAML nodes:
 *
 * <pre>
 * trust:
 *   mode: reject-unsigned            # the default rule (reject-unsigned when left out)
 *   keys: [keys/release.pub]         # PEM public keys; relative to the config file's folder
 *   rules:                           # by registry or repository prefix; the most specific applies
 *     ghcr.io/acme/sensors: {mode: warn, keys: [keys/acme.pub]}
 *     localhost:5000: {mode: allow}
 * </pre>
 *
 * Key files are read here, so a missing or malformed key is a config error with its line and
 * column rather than a refusal at the first deploy.
 */
public final class TrustPolicyParser {
    private static final Set<String> SECTION_KEYS = Set.of("mode", "keys", "rules");
    private static final Set<String> RULE_KEYS = Set.of("mode", "keys");

    private final Path baseDir;
    private final BiConsumer<Node, String> problems;

    /** {@code problems} receives each problem with the node it is at. */
    public TrustPolicyParser(Path baseDir, BiConsumer<Node, String> problems) {
        this.baseDir = baseDir;
        this.problems = problems;
    }

    /** The policy, or the default one where the section has problems (they went to the sink). */
    public TrustPolicy parse(Node section) {
        Map<String, NodeTuple> settings = mapping(section, "trust", SECTION_KEYS);
        TrustRule defaultRule = TrustRule.defaultRule(mode(settings, "trust", TrustMode.REJECT_UNSIGNED), keys(settings, "trust"));
        List<TrustRule> rules = new ArrayList<>();
        NodeTuple rulesTuple = settings.get("rules");
        if (rulesTuple != null) {
            for (NodeTuple rule : mapping(rulesTuple.getValueNode(), "trust.rules", null).values()) {
                rule(rule).ifPresent(rules::add);
            }
        }
        return new TrustPolicy(defaultRule, rules);
    }

    private Optional<TrustRule> rule(NodeTuple tuple) {
        String scope = ((ScalarNode) tuple.getKeyNode()).getValue();
        String where = "trust.rules." + scope;
        Map<String, NodeTuple> settings = mapping(tuple.getValueNode(), where, RULE_KEYS);
        if (!settings.containsKey("mode")) {
            problems.accept(tuple.getKeyNode(), where + ": needs a mode (reject-unsigned, warn or allow)");
        }
        TrustMode mode = mode(settings, where, TrustMode.REJECT_UNSIGNED);
        List<VerificationKey> keys = keys(settings, where);
        try {
            return Optional.of(new TrustRule(scope, mode, keys));
        } catch (IllegalArgumentException e) {
            problems.accept(tuple.getKeyNode(), "trust.rules: " + e.getMessage());
            return Optional.empty();
        }
    }

    /**
     * The entries of a mapping by key; unknown keys (when {@code known} is given), duplicates and
     * non-scalar keys are problems.
     */
    private Map<String, NodeTuple> mapping(Node node, String where, Set<String> known) {
        Map<String, NodeTuple> entries = new LinkedHashMap<>();
        if (!(node instanceof MappingNode mapping)) {
            problems.accept(node, "'" + where + "' needs settings (key: value lines)");
            return entries;
        }
        for (NodeTuple tuple : mapping.getValue()) {
            if (!(tuple.getKeyNode() instanceof ScalarNode key)) {
                problems.accept(tuple.getKeyNode(), "a key must be a plain word");
            } else if (known != null && !known.contains(key.getValue())) {
                problems.accept(key, "unknown setting '" + where + "." + key.getValue() + "'; known: "
                        + String.join(", ", known.stream().sorted().toList()));
            } else if (entries.putIfAbsent(key.getValue(), tuple) != null) {
                problems.accept(key, "'" + where + "." + key.getValue() + "' is set twice");
            }
        }
        return entries;
    }

    private TrustMode mode(Map<String, NodeTuple> settings, String where, TrustMode fallback) {
        NodeTuple tuple = settings.get("mode");
        if (tuple == null) {
            return fallback;
        }
        if (tuple.getValueNode() instanceof ScalarNode scalar) {
            try {
                return TrustMode.parse(scalar.getValue());
            } catch (IllegalArgumentException e) {
                problems.accept(scalar, where + ".mode: " + e.getMessage());
                return fallback;
            }
        }
        problems.accept(tuple.getValueNode(), where + ".mode needs a single value");
        return fallback;
    }

    private List<VerificationKey> keys(Map<String, NodeTuple> settings, String where) {
        NodeTuple tuple = settings.get("keys");
        if (tuple == null) {
            return List.of();
        }
        if (!(tuple.getValueNode() instanceof SequenceNode list)) {
            problems.accept(tuple.getValueNode(), where + ".keys needs a list of public key files, e.g. [keys/release.pub]");
            return List.of();
        }
        List<VerificationKey> keys = new ArrayList<>();
        for (Node item : list.getValue()) {
            if (item instanceof ScalarNode file) {
                try {
                    keys.add(SigningKeys.readPublicKey(baseDir.resolve(file.getValue()).normalize()));
                } catch (IOException | GeneralSecurityException e) {
                    problems.accept(file, where + ".keys: " + e.getMessage());
                }
            } else {
                problems.accept(item, where + ".keys: each entry is a file name");
            }
        }
        return keys;
    }
}
