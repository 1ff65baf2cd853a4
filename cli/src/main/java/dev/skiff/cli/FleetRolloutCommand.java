package dev.skiff.cli;

import dev.skiff.fleet.FleetOperator;
import dev.skiff.fleet.Rollout;
import dev.skiff.fleet.RolloutSpec;
import dev.skiff.fleet.RolloutState;
import dev.skiff.fleet.Selector;
import dev.skiff.fleet.WavePlan;
import dev.skiff.image.oci.Descriptor;
import dev.skiff.image.oci.Reference;
import dev.skiff.protocols.Quantities;
import java.io.PrintWriter;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "rollout", mixinStandardHelpOptions = true, subcommands = FleetRolloutAction.Resume.class,
        description = {"Roll an image out to the devices a selector picks, wave by wave with health gates; prints progress until it ends.",
            "Devices pull the image from its registry, so push it first. An image of the local store is pinned to its local digest.",
            "The rollout lives in $SKIFF_HOME/fleet/fleet.db: if this process dies, 'skiff fleet rollout resume ID' finishes it."})
final class FleetRolloutCommand implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin FleetOptions fleet;

    // optional for picocli only, so that 'rollout resume ID' parses; call() requires it
    @Parameters(index = "0", arity = "0..1", paramLabel = "REF", description = "The image: REGISTRY/REPO:TAG (in the local store) or REGISTRY/REPO@sha256:…")
    String ref;

    @Option(names = "--app", paramLabel = "NAME", description = "The app to deploy it as (default: the image's repository name).")
    String app;

    @Option(names = "--selector", paramLabel = "K=V[,K=V…]", description = "The devices with all these labels (default: every device).")
    String selector;

    @Option(names = "--waves", paramLabel = "N|P%,…", defaultValue = "1,10%,50%,100%",
            description = "Devices updated by the end of each wave, counts or shares, cumulative (default: ${DEFAULT-VALUE}).")
    String waves;

    @Option(names = "--max-unavailable", paramLabel = "N", defaultValue = "10",
            description = "At most this many devices updating at once (default: ${DEFAULT-VALUE}).")
    int maxUnavailable;

    @Option(names = "--health-timeout", paramLabel = "DURATION", defaultValue = "60s",
            description = "A device that does not report the new version healthy in this time failed (default: ${DEFAULT-VALUE}).")
    String healthTimeout;

    @Option(names = "--abort-at", paramLabel = "P%", defaultValue = "5%",
            description = "Halt and roll back every updated device once this share of the devices tried failed (default: ${DEFAULT-VALUE}).")
    String abortAt;

    @Override
    public Integer call() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        if (ref == null) {
            throw new IllegalArgumentException("name the image to roll out: skiff fleet rollout REF [options], or skiff fleet rollout resume ID");
        }
        Reference reference = Reference.parse(ref);
        Optional<Descriptor> local = SkiffHome.imageStore().resolve(reference);
        Reference pinned = local.map(d -> reference.withDigest(d.digest())).orElse(reference);
        if (pinned.digest() == null) {
            throw new IllegalArgumentException(ref + " is not in the local store; build or pull it, or name it by digest (REPO@sha256:…)");
        }
        RolloutSpec rolloutSpec = new RolloutSpec(app != null ? app : reference.shortName(), pinned.toString(), Selector.parse(selector),
                WavePlan.parse(waves), maxUnavailable, Quantities.parseDuration(healthTimeout), RolloutSpec.percent(abortAt));
        try (FleetOperator operator = fleet.open(err)) {
            Rollout rollout = operator.create(rolloutSpec);
            spec.commandLine().getOut().println("rollout " + rollout.id());
            spec.commandLine().getOut().flush();
            String targets = rolloutSpec.selector().labels().isEmpty() ? "every device" : "devices with " + rolloutSpec.selector();
            err.println("rollout " + rollout.id() + ": " + rolloutSpec.app() + " -> " + rolloutSpec.image() + " on " + targets + " (waves "
                    + rolloutSpec.waves() + ")");
            err.flush();
            RolloutState state = operator.drive(rollout.id(), new RolloutPrinter(err));
            return RolloutPrinter.exitCode(state);
        }
    }
}
