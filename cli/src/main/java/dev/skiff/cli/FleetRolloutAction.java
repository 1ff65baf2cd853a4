package dev.skiff.cli;

import dev.skiff.fleet.FleetOperator;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code skiff fleet pause|resume|abort ID}: one operation on a stored rollout; driving ones print its progress. */
abstract class FleetRolloutAction implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin FleetOptions fleet;

    @Parameters(index = "0", paramLabel = "ID", description = "The rollout (see skiff fleet status).")
    long id;

    /** Does the operation; returns the exit code. */
    abstract int act(FleetOperator operator, RolloutPrinter progress) throws Exception;

    @Override
    public Integer call() throws Exception {
        try (FleetOperator operator = fleet.open(spec.commandLine().getErr())) {
            return act(operator, new RolloutPrinter(spec.commandLine().getErr()));
        }
    }

    @Command(name = "pause", mixinStandardHelpOptions = true,
            description = "Pause a running rollout: devices updating now finish, no new ones are asked until 'skiff fleet resume ID'.")
    static final class Pause extends FleetRolloutAction {
        @Override
        int act(FleetOperator operator, RolloutPrinter progress) {
            operator.pause(id);
            spec.commandLine().getOut().println("rollout " + id + " paused");
            return 0;
        }
    }

    @Command(name = "resume", mixinStandardHelpOptions = true,
            description = "Continue a paused rollout, or one whose driving process died, and print its progress until it ends.")
    static final class Resume extends FleetRolloutAction {
        @Override
        int act(FleetOperator operator, RolloutPrinter progress) throws Exception {
            return RolloutPrinter.exitCode(operator.resume(id, progress));
        }
    }

    @Command(name = "abort", mixinStandardHelpOptions = true,
            description = "Stop a rollout and roll every device it updated back to what it ran before; devices not yet asked stay untouched.")
    static final class Abort extends FleetRolloutAction {
        @Override
        int act(FleetOperator operator, RolloutPrinter progress) throws Exception {
            operator.abort(id, progress);
            return 0;
        }
    }
}
