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
 * Issue 6's fifth acceptance item: a device that is off during the rollout is reported pending,
 * does not hold the rollout up, and converges to the new version when it comes back (its desired
 * state waited for it, retained at the broker); {@code skiff fleet status} then shows it updated.
 */
class FleetOfflineDeviceTest {
    @TempDir Path dir;

    @Test
    void deviceOfflineDuringTheRolloutConvergesWhenItReconnects() throws Exception {
        try (FleetFixture f = FleetFixture.start(dir, 10)) {
            f.installV1Everywhere();
            SimulatedDevice away = f.fleet.device("dev-0003");
            away.offline();

            Skiff.Result rollout = ok(f.skiff.run("fleet", "rollout", f.image("2"), "--waves", "1,50%,100%", "--max-unavailable", "5",
                    "--health-timeout", "60s"));
            assertTrue(rollout.stderr().contains("dev-0003 is offline: pending until it returns"), rollout.toString());
            assertTrue(rollout.stderr().contains("rollout 2 completed: 9 updated, 0 failed, 1 offline, pending"), rollout.toString());
            String pending = ok(f.skiff.run("fleet", "status", "2")).stdout();
            assertTrue(pending.lines().anyMatch(l -> l.startsWith("dev-0003 ") && l.contains(" updating ") && l.contains(" no ")), pending);

            away.online();
            f.await("dev-0003 running v2 after it came back", Duration.ofSeconds(60),
                    () -> FleetFixture.runningDigest(away).equals(Optional.of(f.v2)));
            assertEquals(1, FleetFixture.deploysOf(away, f.v2));
            f.await("the operator seeing dev-0003 updated", Duration.ofSeconds(30), () -> statusLine(f, "dev-0003").contains(" updated "));
            assertTrue(statusLine(f, "dev-0003").contains(" yes "));
        }
    }

    private static String statusLine(FleetFixture f, String device) {
        String status = f.stdoutOf("fleet", "status", "2");
        return status.lines().filter(l -> l.startsWith(device + " ")).findFirst().orElseThrow(() -> new AssertionError(status));
    }
}
