package dev.skiff.agent.trust;

import dev.skiff.image.oci.Reference;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The agent's trust policy: a default rule and rules per registry or repository prefix. The most
 * specific rule that covers an image applies.
 */
public record TrustPolicy(TrustRule defaultRule, List<TrustRule> rules) {
    /**
     * Without a {@code trust} section: unsigned images are refused, and since no key is trusted,
     * so is every other until the operator names one. An agent that runs whatever reaches it has
     * to be asked for ({@code mode: allow}).
     */
    public static final TrustPolicy DEFAULT = new TrustPolicy(TrustRule.defaultRule(TrustMode.REJECT_UNSIGNED, List.of()), List.of());

    public TrustPolicy {
        if (!defaultRule.isDefault() || rules.stream().anyMatch(TrustRule::isDefault)) {
            throw new IllegalArgumentException("exactly the default rule has the empty scope");
        }
        rules = List.copyOf(rules);
    }

    /** A policy with only a default rule. */
    public static TrustPolicy of(TrustRule defaultRule) {
        return new TrustPolicy(defaultRule, List.of());
    }

    public TrustRule ruleFor(Reference image) {
        List<TrustRule> all = new ArrayList<>(rules);
        all.add(defaultRule);
        return all.stream().filter(r -> r.covers(image)).max(Comparator.comparingInt(r -> r.scope().length())).orElseThrow();
    }
}
