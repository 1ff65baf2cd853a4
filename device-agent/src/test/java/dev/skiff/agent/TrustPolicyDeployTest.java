package dev.skiff.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.skiff.agent.events.Event;
import dev.skiff.agent.events.EventKind;
import dev.skiff.agent.state.Release;
import dev.skiff.agent.state.ReleaseState;
import dev.skiff.agent.supervisor.ContainerStatus;
import dev.skiff.agent.trust.TrustMode;
import dev.skiff.agent.trust.TrustPolicy;
import dev.skiff.agent.trust.TrustRule;
import dev.skiff.image.oci.Reference;
import dev.skiff.image.sign.ImageSigner;
import dev.skiff.image.sign.SigningKey;
import dev.skiff.image.sign.SigningKeys;
import dev.skiff.image.sign.VerificationKey;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The trust policy in the deploy path: checked before admission, refusals leave what runs alone. */
class TrustPolicyDeployTest {
    private static final SigningKey TRUSTED = SigningKeys.newKey();
    private static final SigningKey STRANGER = SigningKeys.newKey();
    private static final VerificationKey TRUSTED_PUB = new VerificationKey("trusted.pub", TRUSTED.publicKey());

    @TempDir Path dir;

    private static TrustPolicy defaultRule(TrustMode mode) {
        return TrustPolicy.of(TrustRule.defaultRule(mode, List.of(TRUSTED_PUB)));
    }

    /** Builds a sleeper (tagged sleeper:VERSION, i.e. docker.io/library/sleeper) and signs it with {@code key}, unless null. */
    private Reference sleeper(Agent agent, String version, SigningKey key) throws Exception {
        Reference image = TestAgents.build(agent, TestAgents.sleeper(dir, version, "100ms", "16M"));
        if (key != null) {
            new ImageSigner(agent.content().images()).sign(image, key);
        }
        return image;
    }

    private static List<EventKind> trustEvents(Agent agent) {
        return agent.events("app").stream().map(Event::kind)
                .filter(k -> k == EventKind.IMAGE_VERIFIED || k == EventKind.TRUST_WARNING).toList();
    }

    @Test
    void anImageSignedWithATrustedKeyDeploysAndTheVerificationIsRecorded() throws Exception {
        try (Agent agent = TestAgents.open(dir.resolve("data"), 256L << 20, defaultRule(TrustMode.REJECT_UNSIGNED))) {
            Release release = agent.deploy("app", sleeper(agent, "1.0.0", TRUSTED));
            assertEquals(ReleaseState.ACTIVE, release.state(), String.valueOf(release.detail()));
            Event verified = agent.events("app").stream().filter(e -> e.kind() == EventKind.IMAGE_VERIFIED).findFirst().orElseThrow();
            assertTrue(verified.message().contains("verified with trusted.pub by the default trust rule (reject-unsigned)"), verified.message());
        }
    }

    @Test
    void anUnsignedImageIsRefusedBeforeItRunsAndTheRunningReleaseIsUntouched() throws Exception {
        try (Agent agent = TestAgents.open(dir.resolve("data"), 256L << 20, defaultRule(TrustMode.REJECT_UNSIGNED))) {
            Release v1 = agent.deploy("app", sleeper(agent, "1.0.0", TRUSTED));
            ContainerStatus before = agent.ps().getFirst();

            Release v2 = agent.deploy("app", sleeper(agent, "2.0.0", null));

            assertEquals(ReleaseState.REFUSED, v2.state());
            assertTrue(v2.detail().startsWith("refused by the default trust rule (reject-unsigned): index sha256:"), v2.detail());
            assertTrue(v2.detail().contains("is not signed"), v2.detail());
            ContainerStatus after = agent.ps().getFirst();
            assertEquals(List.of(before.name(), before.state(), 0), List.of(after.name(), after.state(), after.restarts()));
            assertEquals(1, agent.ps().size());
            assertEquals(List.of(), agent.runs(v2.id()), "no container of v2 ever started");
            assertEquals(v1.id(), agent.apps().getFirst().currentRelease().getAsLong());
            assertEquals(EventKind.DEPLOY_REFUSED, agent.events("app").getLast().kind());
        }
    }

    @Test
    void anImageSignedByAnotherKeyIsRefusedNamingBothKeys() throws Exception {
        try (Agent agent = TestAgents.open(dir.resolve("data"), 256L << 20, defaultRule(TrustMode.REJECT_UNSIGNED))) {
            Release release = agent.deploy("app", sleeper(agent, "1.0.0", STRANGER));
            assertEquals(ReleaseState.REFUSED, release.state());
            assertTrue(release.detail().contains("is signed by key " + STRANGER.id() + ", not by trusted.pub"), release.detail());
            assertTrue(agent.ps().isEmpty());
        }
    }

    @Test
    void warnRecordsTheFailureAndDeploysAnyway() throws Exception {
        try (Agent agent = TestAgents.open(dir.resolve("data"), 256L << 20, defaultRule(TrustMode.WARN))) {
            Release release = agent.deploy("app", sleeper(agent, "1.0.0", null));
            assertEquals(ReleaseState.ACTIVE, release.state());
            Event warning = agent.events("app").stream().filter(e -> e.kind() == EventKind.TRUST_WARNING).findFirst().orElseThrow();
            assertTrue(warning.message().startsWith("not verified, deployed anyway under the default trust rule (warn): index sha256:"),
                    warning.message());
            assertEquals(release.id(), warning.releaseId());
        }
    }

    @Test
    void allowDoesNotLookAtSignatures() throws Exception {
        try (Agent agent = TestAgents.open(dir.resolve("data"), 256L << 20, defaultRule(TrustMode.ALLOW))) {
            assertEquals(ReleaseState.ACTIVE, agent.deploy("app", sleeper(agent, "1.0.0", STRANGER)).state());
            assertEquals(List.of(), trustEvents(agent));
        }
    }

    @Test
    void theMostSpecificRuleDecides() throws Exception {
        TrustPolicy policy = new TrustPolicy(TrustRule.defaultRule(TrustMode.ALLOW, List.of()), List.of(
                new TrustRule("docker.io/library", TrustMode.WARN, List.of()),
                new TrustRule("docker.io/library/sleeper", TrustMode.REJECT_UNSIGNED, List.of(TRUSTED_PUB))));
        try (Agent agent = TestAgents.open(dir.resolve("data"), 256L << 20, policy)) {
            Release release = agent.deploy("app", sleeper(agent, "1.0.0", null));
            assertEquals(ReleaseState.REFUSED, release.state());
            assertTrue(release.detail().startsWith("refused by trust rule 'docker.io/library/sleeper' (reject-unsigned): "), release.detail());
            assertEquals(ReleaseState.ACTIVE, agent.deploy("app", sleeper(agent, "1.0.1", TRUSTED)).state());
            assertEquals(List.of(EventKind.IMAGE_VERIFIED), trustEvents(agent));
        }
    }
}
