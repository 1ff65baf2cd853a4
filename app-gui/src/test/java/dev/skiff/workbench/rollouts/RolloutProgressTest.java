package dev.skiff.workbench.rollouts;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.skiff.fleet.DeviceStep;
import dev.skiff.fleet.FleetOperator.RolloutStatus;
import dev.skiff.fleet.Rollout;
import dev.skiff.fleet.RolloutDevice;
import dev.skiff.fleet.RolloutSpec;
import dev.skiff.fleet.RolloutState;
import dev.skiff.fleet.Selector;
import dev.skiff.fleet.WavePlan;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RolloutProgressTest {
    private static final String IMAGE = "r/a@sha256:" + "a".repeat(64);

    private static RolloutProgress progress(RolloutState state, String detail, List<RolloutDevice> devices) {
        RolloutSpec spec = new RolloutSpec("a", IMAGE, Selector.parse("site=lab"), WavePlan.parse("1,100%"), 1, Duration.ofSeconds(30), 50);
        return RolloutProgress.of(new RolloutStatus(new Rollout(7, spec, state, detail, Instant.EPOCH), devices, Map.of()));
    }

    private static RolloutDevice device(String name, int wave, DeviceStep step, String detail) {
        return new RolloutDevice(name, wave, step, null, 0, 0, detail);
    }

    @Test
    void beforeTheFirstWaveNoWaveHasStarted() {
        assertEquals("#7 running  a  wave 0/2, 0/2 updated, 0 failed  -> " + IMAGE,
                progress(RolloutState.RUNNING, null, List.of(device("d1", 0, DeviceStep.WAITING, null), device("d2", 1, DeviceStep.WAITING, null))).line());
    }

    @Test
    void theWaveIsTheLatestWithADeviceAskedAndTheReasonFollowsTheState() {
        RolloutProgress p = progress(RolloutState.HALTED, "2 of 2 failed", List.of(device("d1", 0, DeviceStep.ROLLED_BACK, null),
                device("d2", 1, DeviceStep.FAILED, "unhealthy"), device("d3", 1, DeviceStep.WAITING, null)));
        assertEquals("#7 halted (2 of 2 failed)  a  wave 2/2, 0/3 updated, 1 failed  -> " + IMAGE, p.line());
        assertEquals("d1  wave 1  rolled back", RolloutProgress.line(p.devices().get(0)));
        assertEquals("d2  wave 2  failed: unhealthy", RolloutProgress.line(p.devices().get(1)));
    }
}
