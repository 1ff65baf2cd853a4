package dev.skiff.it;

import static dev.skiff.it.Skiff.ok;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.skiff.agent.state.Release;
import dev.skiff.fleet.sim.SimulatedDevice;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Pause and abort from other {@code skiff} processes: the driving one stops when the rollout is
 * paused; the abort rolls every device that already runs the new version back to the old one
 * (a deploy of the old image, pulled from the agent's own store), and devices never asked stay untouched.
 */
class FleetAbortTest {
    @TempDir Path dir;

    @Test
    void pausedRolloutAbortedRollsUpdatedDevicesBackAndLeavesTheRestAlone() throws Exception {
        try (FleetFixture f = FleetFixture.start(dir, 12)) {
            f.installV1Everywhere();
            Path output = dir.resolve("rollout.out");
            Process cli = f.startRolloutOfV2ToWaveTwo(output);
            try {
                ok(f.skiff.run("fleet", "pause", "2"));
                assertTrue(cli.waitFor(60, TimeUnit.SECONDS), FleetFixture.read(output));
            } finally {
                cli.destroyForcibly();
            }
            assertEquals(0, cli.exitValue(), FleetFixture.read(output));
            assertTrue(FleetFixture.read(output).contains("rollout 2 paused; continue with: skiff fleet resume 2"), FleetFixture.read(output));

            Skiff.Result aborted = ok(f.skiff.run("fleet", "abort", "2"));
            assertTrue(aborted.stderr().contains("rollout 2 aborted: aborted by the operator"), aborted.toString());
            int rolledBack = 0;
            for (SimulatedDevice d : f.fleet.devices()) {
                assertEquals(Optional.of(f.v1), FleetFixture.runningDigest(d));
                List<Release> releases = FleetFixture.releases(d);
                if (FleetFixture.deploysOf(d, f.v2) == 0) {
                    assertEquals(1, releases.size(), "a device never asked was touched: " + releases);
                } else {
                    rolledBack++;
                    assertEquals(1, FleetFixture.deploysOf(d, f.v2));
                    assertEquals(f.v1, releases.getLast().image().toString(), "not rolled back: " + releases);
                }
            }
            assertTrue(rolledBack >= 1 && rolledBack < 12, rolledBack + " devices had v2\n" + FleetFixture.read(output) + aborted);
            String status = ok(f.skiff.run("fleet", "status", "2")).stdout();
            assertTrue(status.startsWith("rollout 2: aborted"), status);
            assertEquals(rolledBack, status.lines().filter(l -> l.contains(" rolled_back ")).count(), status);
        }
    }
}
