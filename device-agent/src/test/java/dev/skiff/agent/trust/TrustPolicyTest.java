package dev.skiff.agent.trust;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.skiff.image.oci.Reference;
import java.util.List;
import org.junit.jupiter.api.Test;

class TrustPolicyTest {
    private static TrustRule rule(String scope) {
        return new TrustRule(scope, TrustMode.WARN, List.of());
    }

    private static final TrustPolicy POLICY = new TrustPolicy(TrustRule.defaultRule(TrustMode.REJECT_UNSIGNED, List.of()),
            List.of(rule("docker.io/library/sleeper"), rule("docker.io"), rule("docker.io/lib"), rule("docker.io/library"),
                    rule("localhost:5000")));

    private static String scopeFor(String image) {
        return POLICY.ruleFor(Reference.parse(image)).scope();
    }

    @Test
    void theLongestCoveringPrefixWinsWhateverTheOrder() {
        assertEquals("docker.io/library/sleeper", scopeFor("sleeper:1.0.0"));
        assertEquals("docker.io/library/sleeper", scopeFor("docker.io/library/sleeper/tools:1"));
        assertEquals("docker.io/library", scopeFor("nginx"));
        assertEquals("localhost:5000", scopeFor("localhost:5000/team/app:2"));
    }

    @Test
    void prefixesMatchWholePathComponentsOnly() {
        assertEquals("docker.io", scopeFor("docker.io/libfoo/app"), "docker.io/lib does not cover docker.io/libfoo");
        assertEquals("docker.io", scopeFor("docker.io/library-extra/app"));
        assertEquals("", scopeFor("localhost:50001/app"));
    }

    @Test
    void imagesNoRuleCoversFallToTheDefault() {
        TrustRule rule = POLICY.ruleFor(Reference.parse("ghcr.io/acme/app:1"));
        assertEquals(TrustMode.REJECT_UNSIGNED, rule.mode());
        assertEquals("the default trust rule (reject-unsigned)", rule.toString());
    }

    @Test
    void scopesAreRegistryOrRepositoryPrefixes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> rule("ghcr.io/Acme/"));
        assertEquals("'ghcr.io/Acme/' is not a registry or repository prefix (e.g. ghcr.io/acme)", e.getMessage());
    }
}
