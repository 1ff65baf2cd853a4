package dev.skiff.cli;

import dev.skiff.fleet.FleetOperator;
import dev.skiff.fleet.Selector;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "label", mixinStandardHelpOptions = true,
        description = {"Set labels on a device (over those of its config); it reports them from its next desired state on.",
            "An offline device gets them when it returns."})
final class FleetLabelCommand implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin FleetOptions fleet;

    @Parameters(index = "0", paramLabel = "DEVICE", description = "A device the broker knows (see skiff fleet ls).")
    String device;

    @Parameters(index = "1", paramLabel = "K=V[,K=V…]", description = "The labels to set.")
    String labels;

    @Override
    public Integer call() throws Exception {
        Selector parsed = Selector.parse(labels);
        if (parsed.labels().isEmpty()) {
            throw new IllegalArgumentException("name at least one label as key=value");
        }
        try (FleetOperator operator = fleet.open(spec.commandLine().getErr())) {
            operator.label(device, parsed.labels());
            spec.commandLine().getOut().println("labelled " + device + " " + parsed);
            return 0;
        }
    }
}
