package dev.skiff.it;

import static dev.skiff.it.Skiff.ok;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.skiff.fleet.sim.SimulatedDevice;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 6's first acceptance item: 50 simulated agents behind a real Mosquitto; {@code skiff
 * fleet rollout} takes them through every wave and each reports the new digest.
 */
class FleetRolloutTest {
    @TempDir Path dir;

    @Test
    void rolloutPassesEveryWaveAndEveryDeviceReportsTheNewDigest() throws Exception {
        try (FleetFixture f = FleetFixture.start(dir, 50)) {
            String ls = ok(f.skiff.run("fleet", "ls", "--selector", "ring=odd")).stdout();
            assertEquals(1 + 25, ls.lines().count(), ls);
            assertTrue(ls.contains("dev-0002") && !ls.contains("dev-0001 ") && ls.contains("online"), ls);

            f.installV1Everywhere();
            Skiff.Result rollout = ok(f.skiff.run("fleet", "rollout", f.image("2"), "--selector", "site=lab", "--waves", "1,10%,50%,100%",
                    "--max-unavailable", "25", "--health-timeout", "60s", "--abort-at", "5%"));
            String progress = rollout.stderr();
            for (String wave : new String[] {"wave 1/4: 1 devices", "wave 2/4: 4 devices", "wave 3/4: 20 devices", "wave 4/4: 25 devices"}) {
                assertTrue(progress.contains(wave), "no '" + wave + "' in\n" + rollout);
            }
            assertTrue(progress.contains("completed: 50 updated, 0 failed"), rollout.toString());

            for (SimulatedDevice d : f.fleet.devices()) {
                assertEquals(Optional.of(f.v2), FleetFixture.runningDigest(d));
                assertEquals(1, FleetFixture.deploysOf(d, f.v2));
            }
            // and each says so to the operator, through its retained reported state
            String after = ok(f.skiff.run("fleet", "ls")).stdout();
            assertEquals(50, after.lines().filter(l -> l.contains(FleetFixture.APP + "@" + f.v2.substring(0, 19) + "(running)")).count(), after);

            // labels set after enrollment: the device reports them, and selectors see them
            ok(f.skiff.run("fleet", "label", "dev-0001", "ring=canary"));
            f.await("dev-0001 reporting ring=canary", Duration.ofSeconds(30),
                    () -> f.stdoutOf("fleet", "ls", "--selector", "ring=canary").contains("dev-0001 "));
            String canaries = f.stdoutOf("fleet", "ls", "--selector", "ring=canary");
            assertEquals(1 + 1, canaries.lines().count(), canaries);
            assertTrue(canaries.contains("ring=canary,site=lab"), canaries);
        }
    }
}
