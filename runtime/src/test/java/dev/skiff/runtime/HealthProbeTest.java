package dev.skiff.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.skiff.runtime.engine.ProbeResult;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Health exports are called on the guest's own thread while it sleeps, and never disturb it. */
class HealthProbeTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(2);

    private static Container started(String... args) throws Exception {
        Fixtures.Run run = new Fixtures.Run("healthy", args);
        Container c = run.create(Fixtures.SANDBOX);
        c.start();
        return c;
    }

    private static String[] lines(Fixtures.Run run) {
        String out = run.out.toString(StandardCharsets.UTF_8);
        return out.substring(0, out.lastIndexOf('\n') + 1).split("\n");
    }

    @Test
    void aHealthyGuestAnswersZeroAndKeepsRunning() throws Exception {
        Fixtures.Run run = new Fixtures.Run("healthy", "20");
        Container c = run.create(Fixtures.SANDBOX);
        c.start();
        try {
            for (int i = 0; i < 5; i++) {
                assertEquals(new ProbeResult.Answered(0), c.probe("health", TIMEOUT));
            }
            int afterProbes = lines(run).length;
            long deadline = System.nanoTime() + TIMEOUT.toNanos();
            while (lines(run).length < afterProbes + 3 && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            assertInstanceOf(ContainerState.Running.class, c.state());
            String[] lines = lines(run);
            assertTrue(lines.length >= afterProbes + 3, "the guest kept ticking after the probes: " + lines.length);
            for (int i = 0; i < lines.length; i++) {
                assertEquals("tick " + (i + 1), lines[i], "output stays intact across probes");
            }
        } finally {
            c.stop(Duration.ofSeconds(1));
        }
    }

    @Test
    void aGuestTurningSickAnswersNonZero() throws Exception {
        Container c = started("20", "3");
        try {
            Thread.sleep(200);
            assertEquals(new ProbeResult.Answered(1), c.probe("health", TIMEOUT));
        } finally {
            c.stop(Duration.ofSeconds(1));
        }
    }

    @Test
    void noAnswerFromAMissingExportAnEndedGuestOrOneThatNeverSleeps() throws Exception {
        Container c = started("20");
        try {
            ProbeResult missing = c.probe("no_such_export", TIMEOUT);
            assertInstanceOf(ProbeResult.NoAnswer.class, missing);
        } finally {
            c.stop(Duration.ofSeconds(1));
        }
        assertInstanceOf(ProbeResult.NoAnswer.class, c.probe("health", TIMEOUT));

        Fixtures.Run loop = new Fixtures.Run("loop");
        Container spinning = loop.create(Fixtures.SANDBOX);
        spinning.start();
        try {
            ProbeResult r = spinning.probe("health", Duration.ofMillis(200));
            assertTrue(r instanceof ProbeResult.NoAnswer n && n.reason().contains("did not reach a safe point"), r.toString());
        } finally {
            spinning.stop(Duration.ofSeconds(1));
        }
    }
}
