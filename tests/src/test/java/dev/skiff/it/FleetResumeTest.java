package dev.skiff.it;

import static dev.skiff.it.Skiff.ok;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.skiff.fleet.sim.SimulatedDevice;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 6's fourth acceptance item: the {@code skiff fleet rollout} process is killed (SIGKILL)
 * in the middle of a rollout; {@code skiff fleet rollout resume ID} finishes it from the state in
 * SQLite, and no device deploys the new version twice.
 */
class FleetResumeTest {
    @TempDir Path dir;

    @Test
    void rolloutResumedAfterItsCliProcessWasKilledFinishesWithoutUpdatingAnyDeviceTwice() throws Exception {
        try (FleetFixture f = FleetFixture.start(dir, 20)) {
            f.installV1Everywhere();
            Path output = dir.resolve("rollout.out");
            Process cli = f.startRolloutOfV2ToWaveTwo(output);
            cli.destroyForcibly(); // SIGKILL: no chance to record anything more
            cli.waitFor(10, TimeUnit.SECONDS);
            String killed = FleetFixture.read(output);
            assertTrue(!killed.contains("completed"), killed);
            long updatedBeforeKill = f.fleet.devices().stream().filter(d -> FleetFixture.runningDigest(d).equals(Optional.of(f.v2))).count();
            assertTrue(updatedBeforeKill < 20, "the rollout finished before it was killed:\n" + killed);

            Skiff.Result resumed = ok(f.skiff.run("fleet", "rollout", "resume", "2"));
            assertTrue(resumed.stderr().contains("rollout 2 completed: 20 updated, 0 failed"), resumed.toString());
            for (SimulatedDevice d : f.fleet.devices()) {
                assertEquals(Optional.of(f.v2), FleetFixture.runningDigest(d));
                assertEquals(1, FleetFixture.deploysOf(d, f.v2), "a device deployed v2 more than once:\n" + killed + resumed);
            }
            String status = ok(f.skiff.run("fleet", "status")).stdout();
            assertTrue(status.lines().anyMatch(l -> l.startsWith("2 ") && l.contains("completed")), status);
        }
    }

}
