package dev.skiff.workbench.rollouts;

import dev.skiff.fleet.DeviceStep;
import dev.skiff.fleet.FleetOperator.RolloutStatus;
import dev.skiff.fleet.Rollout;
import dev.skiff.fleet.RolloutDevice;
import java.util.List;

/**
 * One rollout as the Rollouts view lists it: its state and how far its waves got.
 *
 * @param wave the latest wave (1-based) with a device asked, 0 before the first
 * @param waves how many waves its targets fill
 */
public record RolloutProgress(Rollout rollout, List<RolloutDevice> devices, int wave, int waves, long updated, long failed) {
    public RolloutProgress {
        devices = List.copyOf(devices);
    }

    public static RolloutProgress of(RolloutStatus status) {
        List<RolloutDevice> devices = status.devices();
        int waves = devices.stream().mapToInt(RolloutDevice::wave).max().orElse(-1) + 1;
        int wave = devices.stream().filter(d -> d.step() != DeviceStep.WAITING).mapToInt(RolloutDevice::wave).max().orElse(-1) + 1;
        return new RolloutProgress(status.rollout(), devices, wave, waves, count(devices, DeviceStep.UPDATED), count(devices, DeviceStep.FAILED));
    }

    private static long count(List<RolloutDevice> devices, DeviceStep step) {
        return devices.stream().filter(d -> d.step() == step).count();
    }

    public long id() {
        return rollout.id();
    }

    /** "#3 running  blinky  wave 1/2, 1/3 updated, 0 failed  -> r/blinky@sha256:…": the long digest last. */
    public String line() {
        return "#" + rollout.id() + " " + rollout.state().name().toLowerCase() + (rollout.detail() == null ? "" : " (" + rollout.detail() + ")")
                + "  " + rollout.spec().app() + "  wave " + wave + "/" + waves + ", " + updated + "/" + devices.size() + " updated, " + failed
                + " failed  -> " + rollout.spec().image();
    }

    /** "d1  wave 1  updated", with why it failed. */
    public static String line(RolloutDevice device) {
        return device.device() + "  wave " + (device.wave() + 1) + "  " + device.step().name().toLowerCase().replace('_', ' ')
                + (device.detail() == null ? "" : ": " + device.detail());
    }
}
