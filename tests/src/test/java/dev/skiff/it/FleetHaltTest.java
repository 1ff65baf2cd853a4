package dev.skiff.it;

import static dev.skiff.it.Skiff.ok;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.skiff.agent.state.Release;
import dev.skiff.agent.state.ReleaseState;
import dev.skiff.fleet.sim.SimulatedDevice;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 6's second acceptance item: a version whose health check fails everywhere halts the
 * rollout in its first wave; the devices of that wave run the old version again, the others are
 * never asked (no release of the bad version, no desired change at all).
 */
class FleetHaltTest {
    @TempDir Path dir;

    @Test
    void unhealthyVersionHaltsAtTheFirstWaveAndTheRestAreNeverTouched() throws Exception {
        try (FleetFixture f = FleetFixture.start(dir, 20)) {
            f.installV1Everywhere();
            List<Long> releasesBefore = f.fleet.devices().stream().map(d -> (long) FleetFixture.releases(d).size()).toList();

            Skiff.Result rollout = f.skiff.run("fleet", "rollout", f.image("bad"), "--waves", "4,50%,100%", "--max-unavailable", "4",
                    "--health-timeout", "60s", "--abort-at", "5%");
            assertEquals(1, rollout.exitCode(), rollout.toString());
            assertTrue(rollout.stderr().contains("wave 1/3: 4 devices"), rollout.toString());
            assertTrue(!rollout.stderr().contains("wave 2/3"), rollout.toString());
            assertTrue(rollout.stderr().contains("health check failed"), rollout.toString());
            assertTrue(rollout.stderr().contains("halted"), rollout.toString());

            int tried = 0;
            for (int i = 0; i < f.fleet.devices().size(); i++) {
                SimulatedDevice d = f.fleet.devices().get(i);
                assertEquals(Optional.of(f.v1), FleetFixture.runningDigest(d), f.fleet.names().get(i));
                List<Release> bad = FleetFixture.releases(d).stream().filter(r -> r.image().toString().equals(f.bad)).toList();
                if (bad.isEmpty()) {
                    assertEquals(releasesBefore.get(i), FleetFixture.releases(d).size(), f.fleet.names().get(i) + " was touched");
                } else {
                    tried++;
                    assertEquals(1, bad.size());
                    assertEquals(ReleaseState.FAILED, bad.getFirst().state(), bad.toString());
                }
            }
            // the first wave is the first 4 devices by name: they tried the bad version and nobody else did
            assertEquals(4, tried);
            for (int i = 0; i < 4; i++) {
                assertEquals(1, FleetFixture.deploysOf(f.fleet.devices().get(i), f.bad), f.fleet.names().get(i));
            }

            String status = ok(f.skiff.run("fleet", "status", "2")).stdout();
            assertTrue(status.startsWith("rollout 2: halted"), status);
            assertEquals(16, status.lines().filter(l -> l.contains(" waiting ")).count(), status);
            assertEquals(4, status.lines().filter(l -> l.contains(" rolled_back ")).count(), status);
        }
    }
}
