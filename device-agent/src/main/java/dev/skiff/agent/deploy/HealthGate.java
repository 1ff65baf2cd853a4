package dev.skiff.agent.deploy;

import dev.skiff.agent.supervisor.SupervisedContainer;
import dev.skiff.protocols.Quantities;
import dev.skiff.protocols.manifest.AppManifest.HealthCheck;
import dev.skiff.runtime.ContainerState;
import java.util.Optional;

/** Decides whether a newly started release is healthy enough to replace the current one. */
final class HealthGate {
    private HealthGate() {}

    /**
     * Why the agent cannot run this health check at all, if so. An {@code export} check needs to
     * call a function of a running instance, and the runtime has no API for that yet (its
     * {@code GuestInstance} only runs {@code _start}); until it has, such releases are refused
     * rather than let through unchecked.
     */
    static Optional<String> unsupported(HealthCheck check) {
        return switch (check) {
            case HealthCheck.RunningFor r -> Optional.empty();
            case HealthCheck.Export e -> Optional.of("health check 'export: " + e.function()
                    + "' is not supported by this agent yet (the runtime cannot call an export of a running container); use 'running-for'");
        };
    }

    /**
     * Waits for the verdict: empty when healthy, else why not. {@code running-for: N} passes
     * when the first container is still running after N; a container that ends earlier fails,
     * even with exit code 0, since it did not prove it can keep running. {@code running-for: 0s}
     * passes at once (jobs that are meant to end).
     */
    static Optional<String> await(SupervisedContainer container, HealthCheck check) throws InterruptedException {
        HealthCheck.RunningFor runningFor = (HealthCheck.RunningFor) check; // export checks were refused before the start
        if (runningFor.duration().isZero()) {
            return Optional.empty();
        }
        ContainerState state = container.awaitFirstRun(runningFor.duration());
        if (state instanceof ContainerState.Running) {
            return Optional.empty();
        }
        return Optional.of("health check failed: the container " + state.describe() + " before it had run for "
                + Quantities.formatDuration(runningFor.duration()));
    }
}
