package dev.skiff.agent.deploy;

import dev.skiff.agent.supervisor.SupervisedContainer;
import dev.skiff.protocols.Quantities;
import dev.skiff.protocols.manifest.AppManifest.HealthCheck;
import dev.skiff.runtime.ContainerState;
import dev.skiff.runtime.PreparedModule;
import dev.skiff.runtime.engine.ProbeResult;
import java.time.Duration;
import java.util.Optional;

/** Decides whether a newly started release is healthy enough to replace the current one. */
final class HealthGate {
    private HealthGate() {}

    /** How many probes of an export check may go unanswered before the release fails. */
    static final int PROBE_ATTEMPTS = 3;

    /** Why this health check cannot work for this module, if so: an export check needs the export. */
    static Optional<String> unusable(HealthCheck check, PreparedModule module) {
        return switch (check) {
            case HealthCheck.RunningFor r -> Optional.empty();
            case HealthCheck.Export e -> module.module().exportsFunction(e.function())
                    ? Optional.empty()
                    : Optional.of("health check 'export: " + e.function() + "': the module exports no function of that name");
        };
    }

    /**
     * Waits for the verdict: empty when healthy, else why not.
     *
     * <p>{@code running-for: N} passes when the first container is still running after N; a
     * container that ends earlier fails, even with exit code 0, since it did not prove it can keep
     * running. {@code running-for: 0s} passes at once (jobs that are meant to end).
     *
     * <p>{@code export: F} probes F every {@code interval} (the runtime calls it when the guest
     * next sleeps): the first answer 0 passes, any other answer fails, and so do
     * {@value #PROBE_ATTEMPTS} probes in a row without an answer or the container ending.
     */
    static Optional<String> await(SupervisedContainer container, HealthCheck check) throws InterruptedException {
        return switch (check) {
            case HealthCheck.RunningFor r -> awaitRunning(container, r.duration());
            case HealthCheck.Export e -> awaitExport(container, e);
        };
    }

    private static Optional<String> awaitRunning(SupervisedContainer container, Duration duration) throws InterruptedException {
        if (duration.isZero()) {
            return Optional.empty();
        }
        ContainerState state = container.awaitFirstRun(duration);
        if (state instanceof ContainerState.Running) {
            return Optional.empty();
        }
        return Optional.of("health check failed: the container " + state.describe() + " before it had run for "
                + Quantities.formatDuration(duration));
    }

    private static Optional<String> awaitExport(SupervisedContainer container, HealthCheck.Export check) throws InterruptedException {
        Duration wait = check.interval().compareTo(MIN_PROBE_WAIT) < 0 ? MIN_PROBE_WAIT : check.interval();
        String lastReason = "";
        for (int attempt = 1; attempt <= PROBE_ATTEMPTS; attempt++) {
            switch (container.probeFirst(check.function(), wait)) {
                case ProbeResult.Answered a when a.value() == 0 -> {
                    return Optional.empty();
                }
                case ProbeResult.Answered a -> {
                    return Optional.of("health check failed: " + check.function() + "() returned " + a.value());
                }
                case ProbeResult.NoAnswer n -> lastReason = n.reason();
            }
            ContainerState state = container.awaitFirstRun(check.interval());
            if (state.isFinal()) {
                return Optional.of("health check failed: the container " + state.describe() + " before " + check.function() + "() answered");
            }
        }
        return Optional.of("health check failed: " + check.function() + "() gave no answer in " + PROBE_ATTEMPTS + " probes (" + lastReason + ")");
    }

    /** A probe waits at least this long: the guest answers only when it next sleeps. */
    private static final Duration MIN_PROBE_WAIT = Duration.ofSeconds(1);
}
