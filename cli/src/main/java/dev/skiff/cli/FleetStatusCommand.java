package dev.skiff.cli;

import dev.skiff.fleet.FleetOperator;
import dev.skiff.fleet.Rollout;
import dev.skiff.fleet.RolloutDevice;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "status", mixinStandardHelpOptions = true,
        description = {"Without ID: every rollout. With ID: the rollout and each device's step.",
            "With a broker at hand, devices that converged meanwhile (offline ones that returned) are brought up to date first."})
final class FleetStatusCommand implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin FleetOptions fleet;

    @Parameters(index = "0", arity = "0..1", paramLabel = "ID", description = "A rollout.")
    Long id;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        try (FleetOperator operator = fleet.open(spec.commandLine().getErr())) {
            if (id == null) {
                String format = "%-4s %-10s %-14s %-50s %s%n";
                out.printf(format, "ID", "STATE", "APP", "IMAGE", "DETAIL");
                for (Rollout r : operator.rollouts()) {
                    out.printf(format, r.id(), r.state().name().toLowerCase(), r.spec().app(), r.spec().image(), r.detail() == null ? "" : r.detail());
                }
                return 0;
            }
            FleetOperator.RolloutStatus status = operator.status(id);
            Rollout r = status.rollout();
            out.println("rollout " + r.id() + ": " + r.state().name().toLowerCase() + (r.detail() == null ? "" : " (" + r.detail() + ")"));
            out.println("  " + r.spec().app() + " -> " + r.spec().image() + ", selector '" + r.spec().selector() + "', waves " + r.spec().waves());
            String format = "%-20s %-5s %-13s %-8s %s%n";
            out.printf(format, "DEVICE", "WAVE", "STEP", "ONLINE", "DETAIL");
            for (RolloutDevice d : status.devices()) {
                String online = status.online(d.device()).map(o -> o ? "yes" : "no").orElse("?");
                out.printf(format, d.device(), d.wave() + 1, d.step().name().toLowerCase(), online, d.detail() == null ? "" : d.detail());
            }
            return 0;
        }
    }
}
