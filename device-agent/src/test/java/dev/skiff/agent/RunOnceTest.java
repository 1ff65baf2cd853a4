package dev.skiff.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.skiff.agent.deploy.DeployException;
import dev.skiff.agent.deploy.ImageRunner;
import dev.skiff.agent.trust.TrustMode;
import dev.skiff.agent.trust.TrustPolicy;
import dev.skiff.agent.trust.TrustRule;
import dev.skiff.image.oci.Reference;
import dev.skiff.image.sign.ImageSigner;
import dev.skiff.image.sign.SigningKey;
import dev.skiff.image.sign.SigningKeys;
import dev.skiff.image.sign.VerificationKey;
import dev.skiff.runtime.ContainerState;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code Agent.run}: an image run once to its end, admitted like a deploy, leaving nothing behind. */
class RunOnceTest {
    @TempDir Path dir;

    @Test
    void aRunReturnsTheExitCodeAndOutputAndLeavesNoAppOrReservationBehind() throws Exception {
        try (Agent agent = TestAgents.open(dir.resolve("data"), 64L << 20)) {
            Reference hello = TestAgents.build(agent, TestAgents.app(dir, "hello", "hello", "1.0.0",
                    "args: [\"from-yaml\"]\nenv: {EXIT_CODE: \"3\"}\nresources: {memory: 1M}\n"));
            ImageRunner.Result first = agent.run(hello, null);
            assertEquals(new ContainerState.Exited(3), first.end());
            assertEquals("Hello from Skiff!\narg[1]=from-yaml\n", first.stdout());
            assertEquals(hello, first.image());

            ImageRunner.Result second = agent.run(hello, List.of("a", "b"));
            assertEquals("Hello from Skiff!\narg[1]=a\narg[2]=b\n", second.stdout());
            assertFalse(second.outputTruncated());
            assertEquals(List.of(), agent.apps());
            assertEquals(List.of(), agent.ps());
            assertEquals(0, agent.memoryReservedBytes());
        }
    }

    @Test
    void aRunReservesItsMemoryFromTheBudgetWhileItRuns() throws Exception {
        try (Agent agent = TestAgents.open(dir.resolve("data"), 48L << 20)) {
            Reference big = TestAgents.build(agent, TestAgents.app(dir, "hello", "big", "1.0.0", "resources: {memory: 40M}\n"));
            Reference sleeper = TestAgents.build(agent, TestAgents.app(dir, "sleeper", "nap", "1.0.0",
                    "args: [\"100\", \"20\"]\nresources: {memory: 16M}\n"));
            AtomicReference<Object> napped = new AtomicReference<>();
            Thread nap = Thread.ofVirtual().start(() -> {
                try {
                    napped.set(agent.run(sleeper, null).end());
                } catch (Exception e) {
                    napped.set(e);
                }
            });
            TestAgents.awaitTrue(java.time.Duration.ofSeconds(30), () -> agent.memoryReservedBytes() == 16L << 20, "the nap to reserve 16M");
            DeployException refused = assertThrows(DeployException.class, () -> agent.run(big, null));
            assertTrue(refused.getMessage().contains("needs 40 MiB of memory, but only 32 MiB of the agent's budget of 48 MiB is free"),
                    refused.getMessage());
            nap.join();
            assertEquals(new ContainerState.Exited(0), napped.get());
            assertEquals(new ContainerState.Exited(0), agent.run(big, null).end()); // the nap gave its memory back
        }
    }

    @Test
    void theTrustPolicyRefusesAnUnsignedImageAndAdmitsItOnceSigned() throws Exception {
        SigningKey key = SigningKeys.newKey();
        TrustPolicy policy = TrustPolicy.of(TrustRule.defaultRule(TrustMode.REJECT_UNSIGNED, List.of(new VerificationKey("k.pub", key.publicKey()))));
        try (Agent agent = TestAgents.open(dir.resolve("data"), 64L << 20, policy)) {
            Reference hello = TestAgents.build(agent, TestAgents.app(dir, "hello", "hello", "1.0.0", "resources: {memory: 1M}\n"));
            DeployException refused = assertThrows(DeployException.class, () -> agent.run(hello, null));
            assertTrue(refused.getMessage().startsWith("cannot run hello@sha256:"), refused.getMessage());
            assertTrue(refused.getMessage().contains("refused by the default trust rule (reject-unsigned)"), refused.getMessage());

            new ImageSigner(agent.content().images()).sign(hello, key);
            assertEquals(new ContainerState.Exited(0), agent.run(hello, null).end());
        }
    }

    @Test
    void anImageWithVolumesIsRefusedForItWouldKeepData() throws Exception {
        try (Agent agent = TestAgents.open(dir.resolve("data"), 64L << 20)) {
            Reference keeper = TestAgents.build(agent, TestAgents.app(dir, "hello", "keeper", "1.0.0",
                    "volumes:\n  - {name: data, path: /data}\n"));
            DeployException refused = assertThrows(DeployException.class, () -> agent.run(keeper, null));
            assertTrue(refused.getMessage().contains("keeper declares volumes, and a run keeps nothing; deploy it as an app instead"),
                    refused.getMessage());
        }
    }
}
