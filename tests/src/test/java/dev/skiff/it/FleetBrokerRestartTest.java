package dev.skiff.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.skiff.agent.state.ReleaseState;
import dev.skiff.fleet.sim.SimulatedDevice;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 6's third acceptance item: Mosquitto is stopped and started again in the middle of a
 * rollout; the operator and every agent reconnect, the rollout goes on to the end, and no device
 * deploys the new version twice. Devices that finish their update while the broker is down
 * report it when they are connected again (the rollout could not complete otherwise).
 */
class FleetBrokerRestartTest {
    @TempDir Path dir;

    /** The devices in the middle of deploying v2 (started, not yet switched over). */
    private static List<SimulatedDevice> deployingV2(FleetFixture f) {
        return f.fleet.devices().stream().filter(d -> FleetFixture.releases(d).stream()
                .anyMatch(r -> r.image().toString().equals(f.v2) && r.state() == ReleaseState.DEPLOYING)).toList();
    }

    @Test
    void rolloutContinuesAcrossABrokerRestartAndUpdatesNoDeviceTwice() throws Exception {
        try (FleetFixture f = FleetFixture.start(dir, 20)) {
            f.installV1Everywhere();
            Path output = dir.resolve("rollout.out");
            Process cli = f.startRolloutOfV2ToWaveTwo(output);
            try {
                f.await("a device deploying v2", Duration.ofSeconds(60), () -> !deployingV2(f).isEmpty());
                List<SimulatedDevice> inFlight = deployingV2(f);
                f.broker.stop();
                // they pass their 1 s health gate while the broker is down: their reports wait for the reconnect
                f.await("the devices in flight switching to v2", Duration.ofSeconds(30),
                        () -> inFlight.stream().allMatch(d -> FleetFixture.runningDigest(d).equals(Optional.of(f.v2))));
                f.broker.startAgain();
                assertTrue(cli.waitFor(120, TimeUnit.SECONDS), "the rollout did not finish in 120 s after the broker restart:\n" + FleetFixture.read(output));
            } finally {
                cli.destroyForcibly();
            }
            String out = FleetFixture.read(output);
            assertEquals(0, cli.exitValue(), out);
            assertTrue(out.contains("lost the broker"), "the broker restart went unnoticed:\n" + out);
            assertTrue(out.contains("rollout 2 completed: 20 updated, 0 failed"), out);
            for (SimulatedDevice d : f.fleet.devices()) {
                assertEquals(Optional.of(f.v2), FleetFixture.runningDigest(d));
                assertEquals(1, FleetFixture.deploysOf(d, f.v2), "a device deployed v2 more than once:\n" + out);
            }
        }
    }
}
