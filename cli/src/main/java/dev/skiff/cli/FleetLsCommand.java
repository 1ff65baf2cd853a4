package dev.skiff.cli;

import dev.skiff.fleet.DeviceView;
import dev.skiff.fleet.FleetOperator;
import dev.skiff.fleet.Selector;
import dev.skiff.protocols.fleet.ReportedApp;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "ls", description = "List the devices the fleet's broker knows, with their labels and apps.", mixinStandardHelpOptions = true)
final class FleetLsCommand implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin FleetOptions fleet;

    @Option(names = "--selector", paramLabel = "K=V[,K=V…]", description = "Only devices with all these labels.")
    String selector;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        String format = "%-20s %-8s %-30s %s%n";
        try (FleetOperator operator = fleet.open(spec.commandLine().getErr())) {
            List<DeviceView> devices = operator.devices(Selector.parse(selector));
            out.printf(format, "DEVICE", "STATE", "LABELS", "APPS");
            for (DeviceView d : devices) {
                String labels = d.labels().entrySet().stream().sorted(java.util.Map.Entry.comparingByKey())
                        .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(","));
                String apps = d.reported().map(r -> r.apps().stream().map(FleetLsCommand::describe).collect(Collectors.joining(" "))).orElse("");
                out.printf(format, d.device(), d.online() ? "online" : "offline", labels, apps);
            }
        }
        return 0;
    }

    private static String describe(ReportedApp app) {
        String digest = app.digest() == null ? "-" : app.digest().substring(0, Math.min(app.digest().length(), 19));
        return app.name() + "@" + digest + "(" + app.health() + ")";
    }
}
