package dev.skiff.cli;

import dev.skiff.fleet.RolloutEvent;
import dev.skiff.fleet.RolloutListener;
import dev.skiff.fleet.RolloutState;
import java.io.PrintWriter;

/** Prints a rollout's progress on stderr, a line per event, flushed (operators and CI logs watch it live). */
final class RolloutPrinter implements RolloutListener {
    private final PrintWriter err;

    RolloutPrinter(PrintWriter err) {
        this.err = err;
    }

    @Override
    public void on(RolloutEvent event) {
        String line = switch (event) {
            case RolloutEvent.WaveStarted w -> "wave " + w.wave() + "/" + w.waves() + ": " + w.devices() + " devices";
            case RolloutEvent.DeviceUpdating d -> d.online() ? null : "  " + d.device() + " is offline: pending until it returns";
            case RolloutEvent.DeviceUpdated d -> "  " + d.device() + " updated";
            case RolloutEvent.DeviceFailed d -> "  " + d.device() + " FAILED: " + d.detail();
            case RolloutEvent.WaveFinished w -> "wave " + (w.wave() + 1) + " done: " + w.updated() + " updated, " + w.failed() + " failed"
                    + (w.pending() > 0 ? ", " + w.pending() + " pending (offline)" : "");
            case RolloutEvent.RollingBack r -> "rolling back " + r.devices() + " devices: " + r.reason();
            case RolloutEvent.DeviceRolledBack d -> "  " + d.device() + " rolled back";
            case RolloutEvent.Stopped s -> s.state() == RolloutState.PAUSED
                    ? "rollout " + s.rolloutId() + " paused; continue with: skiff fleet resume " + s.rolloutId()
                    : "rollout " + s.rolloutId() + " " + s.state().name().toLowerCase() + (s.detail() == null ? "" : ": " + s.detail());
        };
        if (line != null) {
            err.println(line);
            err.flush();
        }
    }

    /** The exit code a driving command ends with: 0 when the rollout completed or paused, 1 when it was halted or aborted. */
    static int exitCode(RolloutState state) {
        return state == RolloutState.COMPLETED || state == RolloutState.PAUSED ? 0 : 1;
    }
}
